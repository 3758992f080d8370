package dev.secretsstarter.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.secretsstarter.benchmarks.apps.WatchMain;

/**
 * Steady-state polling cost and rotation propagation, one {@link WatchMain} child per
 * configuration (it hosts its own server, so a write and its arrival are timed on one clock).
 * Configurations are interleaved: each runs in two halves, A B A B.
 *
 * @author secrets-starter team
 */
public final class WatchBenchmark {

	static final List<String> STEADY_COLUMNS = List.of("variant", "cycles", "calls_per_cycle", "calls_by_operation",
			"bytes_per_cycle", "values_per_cycle");

	static final List<String> PROPAGATION_COLUMNS = List.of("variant", "mode", "half", "change", "latency_ms",
			"handle_ms", "api_calls", "get_secret_value", "calls_by_operation");

	private static final int SECRETS = 100;

	private final Classpaths classpaths;

	private final Notes notes;

	private final long intervalMs;

	/**
	 * A watch benchmark.
	 * @param classpaths the class paths
	 * @param notes where failures go
	 * @param intervalMs the poll interval every variant is configured with
	 */
	public WatchBenchmark(Classpaths classpaths, Notes notes, long intervalMs) {
		this.classpaths = classpaths;
		this.notes = notes;
		this.intervalMs = intervalMs;
	}

	/**
	 * What each variant is configured with for polling.
	 * @return the configurations
	 */
	List<Configuration> configurations() {
		String interval = this.intervalMs + "ms";
		List<Configuration> configurations = new ArrayList<>();
		configurations.add(new Configuration(Variant.SPRING_CLOUD_AWS, "Spring Cloud AWS reload (refresh)", "polling",
				List.of("--spring.cloud.aws.secretsmanager.reload.strategy=refresh",
						"--spring.cloud.aws.secretsmanager.reload.period=" + interval)));
		configurations.add(new Configuration(Variant.OURS, "secrets-starter: describe (default)", "polling",
				List.of("--secrets.refresh.enabled=true", "--secrets.refresh.interval=" + interval,
						"--secrets.refresh.strategy=describe", "--secrets.refresh.local-push=false")));
		configurations.add(new Configuration(Variant.OURS, "secrets-starter: batch", "polling",
				List.of("--secrets.refresh.enabled=true", "--secrets.refresh.interval=" + interval,
						"--secrets.refresh.strategy=batch", "--secrets.refresh.local-push=false")));
		return configurations;
	}

	/**
	 * Observe idle poll cycles.
	 * @param resultsDir where to write {@code steady.csv}
	 * @param cycles cycles per run
	 */
	public void steady(Path resultsDir, int cycles) {
		List<Map<String, String>> rows = new ArrayList<>();
		for (Configuration configuration : configurations()) {
			ChildProcess.Result result = run(configuration, "steady", cycles);
			if (!result.succeeded()) {
				this.notes.add("steady", configuration.label() + ": " + result.failureReason());
				continue;
			}
			List<Map<String, String>> complete = result.records()
				.stream()
				.filter((report) -> !report.get("cycle").equals("0"))
				.toList();
			if (complete.isEmpty()) {
				this.notes.add("steady", configuration.label() + ": no complete poll cycle was seen in " + cycles
						+ " intervals of " + this.intervalMs + " ms");
				continue;
			}
			List<Map<String, String>> byCalls = complete.stream()
				.sorted(Comparator.comparingLong((Map<String, String> report) -> number(report, "api_calls")))
				.toList();
			Map<String, String> row = new LinkedHashMap<>();
			row.put("variant", configuration.label());
			row.put("cycles", String.valueOf(complete.size()));
			row.put("calls_per_cycle", Stats.of(complete.stream().map((r) -> number(r, "api_calls")).toList()).format(0));
			row.put("calls_by_operation", byCalls.get(byCalls.size() / 2).get("calls_by_operation"));
			row.put("bytes_per_cycle",
					Stats.of(complete.stream().map((r) -> number(r, "response_bytes")).toList()).format(0));
			row.put("values_per_cycle", Stats.of(complete.stream()
				.map((r) -> number(r, "get_secret_value") + number(r, "batch_get_secret_value"))
				.toList()).format(0));
			rows.add(row);
		}
		Csv.write(resultsDir.resolve("steady.csv"), STEADY_COLUMNS, rows);
	}

	/**
	 * Time rotations to the bean.
	 * @param resultsDir where to write {@code propagation.csv}
	 * @param changes changes per configuration (split over two interleaved runs)
	 */
	public void propagation(Path resultsDir, int changes) {
		List<Map<String, String>> rows = new ArrayList<>();
		List<Configuration> configurations = new ArrayList<>(configurations());
		configurations.addAll(pushConfigurations());
		for (int half = 1; half <= 2; half++) {
			for (Configuration configuration : configurations) {
				ChildProcess.Result result = run(configuration, "propagation", Math.max(1, changes / 2));
				if (result.records().isEmpty()) {
					this.notes.add("propagation", configuration.label() + ": " + result.failureReason());
					continue;
				}
				for (Map<String, String> report : result.records()) {
					if (!Boolean.parseBoolean(report.get("arrived"))) {
						this.notes.add("propagation", configuration.label() + ": change " + report.get("change")
								+ " never reached the bean within the bound");
						continue;
					}
					Map<String, String> row = new LinkedHashMap<>();
					row.put("variant", configuration.label());
					row.put("mode", configuration.mode());
					row.put("half", String.valueOf(half));
					row.put("change", report.get("change"));
					row.put("latency_ms", report.get("latency_ms"));
					row.put("handle_ms", report.getOrDefault("handle_ms", ""));
					row.put("api_calls", report.get("api_calls"));
					row.put("get_secret_value", report.get("get_secret_value"));
					row.put("calls_by_operation", report.get("calls_by_operation"));
					rows.add(row);
				}
			}
		}
		Csv.write(resultsDir.resolve("propagation.csv"), PROPAGATION_COLUMNS, rows);
	}

	private static long number(Map<String, String> report, String key) {
		return Long.parseLong(report.get(key));
	}

	/** Local push: the server is a bean in the application's context; polling is far too slow to matter. */
	List<Configuration> pushConfigurations() {
		return List.of(new Configuration(Variant.OURS, "secrets-starter: local push", "push",
				List.of("--secrets.refresh.enabled=true", "--secrets.refresh.interval=10m",
						"--secrets.refresh.local-push=true", "--bench.server-bean=true")));
	}

	private ChildProcess.Result run(Configuration configuration, String scenario, int repetitions) {
		List<String> args = new ArrayList<>(List.of(configuration.variant().name(), scenario, String.valueOf(SECRETS),
				String.valueOf(this.intervalMs), String.valueOf(repetitions), configuration.label().replace(' ', '_')));
		args.addAll(configuration.arguments());
		Duration timeout = Duration.ofMillis(60_000 + repetitions * (12 * this.intervalMs + 2_000));
		return ChildProcess.run(this.classpaths.forVariant(configuration.variant(), true, true), List.of(),
				WatchMain.class.getName(), args, timeout);
	}

	/**
	 * One variant's polling configuration.
	 *
	 * @param variant the variant
	 * @param label its label in the tables
	 * @param mode how changes are detected ({@code polling} or {@code push})
	 * @param arguments its Spring arguments
	 */
	record Configuration(Variant variant, String label, String mode, List<String> arguments) {

	}

}
