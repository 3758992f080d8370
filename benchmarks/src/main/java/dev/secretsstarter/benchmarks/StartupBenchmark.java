package dev.secretsstarter.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.secretsstarter.local.LocalSecretsManager;

/**
 * Whole-process start-up: a fresh JVM per run for each variant × number of imported secrets,
 * against one secrets-local server the launcher hosts and seeds. Variants are interleaved within
 * every round (the order rotates from round to round) so that the noise of a shared machine falls
 * on all of them alike; the report pairs runs of the same round.
 *
 * @author secrets-starter team
 */
public final class StartupBenchmark {

	/** The raw results file. */
	public static final String RESULTS = "startup.csv";

	/** The raw results of the SDK's own first use (see {@code SdkFloorMain}). */
	public static final String SDK_FLOOR_RESULTS = "sdk-floor.csv";

	static final List<String> SDK_FLOOR_COLUMNS = List.of("round", "build_ms", "call_ms", "classes");

	static final List<String> COLUMNS = List.of("n", "round", "variant", "ready_ms", "run_ms", "cpu_ms", "classes", "wall_ms", "loaded",
			"api_calls", "get_secret_value", "batch_get_secret_value", "calls_by_operation");

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private final Classpaths classpaths;

	private final List<Integer> secretCounts;

	private final int rounds;

	private final Notes notes;

	/**
	 * A start-up benchmark.
	 * @param classpaths class paths of the children
	 * @param secretCounts the numbers of imported secrets to measure
	 * @param rounds runs per variant and count
	 * @param notes where to record what could not be measured
	 */
	public StartupBenchmark(Classpaths classpaths, List<Integer> secretCounts, int rounds, Notes notes) {
		this.classpaths = classpaths;
		this.secretCounts = secretCounts;
		this.rounds = rounds;
		this.notes = notes;
	}

	/**
	 * Run it and write the raw results.
	 * @param resultsDir where to write
	 */
	public void run(Path resultsDir) {
		int maxSecrets = this.secretCounts.stream().mapToInt(Integer::intValue).max().orElse(0);
		List<Map<String, String>> rows = new ArrayList<>();
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start()) {
			for (int i = 0; i < maxSecrets; i++) {
				server.createSecret(SecretsFixture.name(i), SecretsFixture.json(i, 0));
			}
			Set<Variant> variants = warmUp(server, Math.min(1, maxSecrets));
			for (int n : this.secretCounts) {
				for (int round = 1; round <= this.rounds; round++) {
					for (Variant variant : rotated(List.copyOf(variants), round)) {
						Map<String, String> row = measure(server, variant, n);
						if (row != null) {
							row.put("round", String.valueOf(round));
							rows.add(row);
						}
					}
				}
				System.out.println("startup: N=" + n + " done");
			}
			Csv.write(resultsDir.resolve(SDK_FLOOR_RESULTS), SDK_FLOOR_COLUMNS, sdkFloor(server));
		}
		Csv.write(resultsDir.resolve(RESULTS), COLUMNS, rows);
	}

	/**
	 * The SDK's own first use, by hand, after the no-starter application started: on the
	 * secrets-starter class path (for the SDK jars) with its auto-configurations switched off.
	 */
	private List<Map<String, String>> sdkFloor(LocalSecretsManager server) {
		List<Map<String, String>> rows = new ArrayList<>();
		for (int round = 1; round <= this.rounds; round++) {
			ChildProcess.Result result = ChildProcess.run(this.classpaths.forVariant(Variant.OURS),
					List.of("-Xshare:auto"), "dev.secretsstarter.benchmarks.apps.SdkFloorMain",
					List.of("--bench.endpoint=" + server.endpoint(), "--bench.region=" + server.region(),
							"--secrets.enabled=false", "--logging.level.root=WARN"),
					TIMEOUT);
			if (!result.succeeded()) {
				this.notes.add("startup", "the SDK floor run failed: " + result.failureReason());
				continue;
			}
			Map<String, String> row = new LinkedHashMap<>();
			row.put("round", String.valueOf(round));
			SDK_FLOOR_COLUMNS.stream().skip(1).forEach((column) -> row.put(column, result.first().get(column)));
			rows.add(row);
		}
		System.out.println("startup: SDK floor done");
		return rows;
	}

	/** One discarded run per variant (page cache, JIT of the file system); drops variants that cannot start. */
	private Set<Variant> warmUp(LocalSecretsManager server, int n) {
		Set<Variant> available = EnumSet.noneOf(Variant.class);
		for (Variant variant : Variant.values()) {
			ChildProcess.Result result = start(server, variant, n);
			boolean loaded = result.succeeded()
					&& (variant == Variant.BASELINE || result.first().get("loaded").equals(String.valueOf(n)));
			if (loaded) {
				available.add(variant);
			}
			else {
				this.notes.add("startup", variant.label() + " could not start with " + n + " imported secret(s): "
						+ (result.succeeded() ? "secrets not in the Environment" : result.failureReason()));
			}
		}
		return available;
	}

	private Map<String, String> measure(LocalSecretsManager server, Variant variant, int n) {
		ApiCalls before = ApiCalls.of(server);
		ChildProcess.Result result = start(server, variant, n);
		ApiCalls calls = ApiCalls.of(server).since(before);
		if (!result.succeeded()) {
			this.notes.add("startup", variant.label() + " failed at N=" + n + ": " + result.failureReason());
			return null;
		}
		Map<String, String> report = result.first();
		if (variant != Variant.BASELINE && !report.get("loaded").equals(String.valueOf(n))) {
			this.notes.add("startup", variant.label() + " loaded " + report.get("loaded") + " of " + n + " secrets");
		}
		Map<String, String> row = new LinkedHashMap<>();
		row.put("n", String.valueOf(n));
		row.put("variant", variant.name());
		row.put("ready_ms", report.get("ready_ms"));
		row.put("run_ms", report.get("run_ms"));
		row.put("cpu_ms", report.get("cpu_ms"));
		row.put("classes", report.get("classes"));
		row.put("wall_ms", String.valueOf(Math.round(result.wallMs())));
		row.put("loaded", report.get("loaded"));
		row.put("api_calls", String.valueOf(calls.total()));
		row.put("get_secret_value", String.valueOf(calls.of("GetSecretValue")));
		row.put("batch_get_secret_value", String.valueOf(calls.of("BatchGetSecretValue")));
		row.put("calls_by_operation", calls.breakdown());
		return row;
	}

	private ChildProcess.Result start(LocalSecretsManager server, Variant variant, int n) {
		List<String> args = new ArrayList<>(variant.connectionArguments(server, SecretsFixture.configImport(n)));
		args.add("--bench.expect=" + n);
		args.add("--logging.level.root=WARN");
		return ChildProcess.run(this.classpaths.forVariant(variant), List.of("-Xshare:auto"), variant.mainClass(),
				args, TIMEOUT);
	}

	static <T> List<T> rotated(List<T> items, int round) {
		List<T> order = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			order.add(items.get((i + round) % items.size()));
		}
		return order;
	}

}
