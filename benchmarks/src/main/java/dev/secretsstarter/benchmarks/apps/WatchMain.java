package dev.secretsstarter.benchmarks.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.secretsstarter.benchmarks.ApiCalls;
import dev.secretsstarter.benchmarks.ChildProcess;
import dev.secretsstarter.benchmarks.SecretsFixture;
import dev.secretsstarter.benchmarks.Variant;
import dev.secretsstarter.local.LocalSecretsManager;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Child JVM main for the polling benchmarks: hosts secrets-local and one application (so a write
 * and its arrival in a bean are timed on one clock), imports N secrets, and either observes idle
 * poll cycles ({@code steady}) or writes new revisions of {@code bench/s000} and times each until
 * {@link RotatedProperties} shows it ({@code propagation}). Every wait is bounded.
 * <p>
 * Arguments: {@code variant scenario n intervalMillis repetitions label [extra Spring arguments…]}.
 *
 * @author secrets-starter team
 */
public final class WatchMain {

	private WatchMain() {
	}

	/**
	 * Run one scenario.
	 * @param args see the class description
	 */
	public static void main(String[] args) {
		Variant variant = Variant.valueOf(args[0]);
		String scenario = args[1];
		int n = Integer.parseInt(args[2]);
		long intervalMs = Long.parseLong(args[3]);
		int repetitions = Integer.parseInt(args[4]);
		String label = args[5];
		List<String> extra = List.of(args).subList(6, args.length);
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start()) {
			for (int i = 0; i < n; i++) {
				server.createSecret(SecretsFixture.name(i), SecretsFixture.json(i, 0));
			}
			List<String> springArgs = new ArrayList<>(variant.connectionArguments(server, SecretsFixture.configImport(n)));
			springArgs.add("--logging.level.root=WARN");
			springArgs.addAll(extra);
			SpringApplication app = (variant == Variant.OURS)
					? new SpringApplication(applicationClass(variant), WatchConfiguration.class, OursWatchConfiguration.class)
					: new SpringApplication(applicationClass(variant), WatchConfiguration.class);
			app.setBannerMode(Banner.Mode.OFF);
			if (extra.contains("--bench.server-bean=true")) {
				// Local push listens to the LocalSecretsManager beans of the context.
				app.addInitializers((context) -> context.getBeanFactory().registerSingleton("benchSecretsLocal", server));
			}
			try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
				RotatedProperties bean = context.getBean(RotatedProperties.class);
				if (!"0".equals(bean.getRevision())) {
					throw new IllegalStateException("The bean was not bound from the imported secret");
				}
				if (scenario.equals("steady")) {
					steady(server, intervalMs, repetitions, label);
				}
				else {
					Predicate<String> handle = (variant == Variant.OURS)
							? context.getBean(OursWatchConfiguration.HandleHolder.class)::shows : null;
					propagation(server, bean::getRevision, handle, intervalMs, repetitions, label);
				}
			}
		}
		System.exit(0);
	}

	private static Class<?> applicationClass(Variant variant) {
		return switch (variant) {
			case SPRING_CLOUD_AWS -> SpringCloudAwsApp.class;
			case OURS -> OursApp.class;
			case BASELINE -> BaselineApp.class;
		};
	}

	/**
	 * Sample the server's counters every few milliseconds over {@code cycles} intervals. A poll
	 * cycle is a burst of calls that starts and ends with at least half an interval of silence;
	 * only bursts wholly inside the window count, and each is reported on its own line.
	 */
	private static void steady(LocalSecretsManager server, long intervalMs, int cycles, String label) {
		// Let the first poll after start-up pass, so the window holds only idle cycles.
		LockSupport.parkNanos(intervalMs * 1_000_000L);
		long quietNanos = intervalMs * 500_000L;
		long windowEnd = System.nanoTime() + (cycles + 1) * intervalMs * 1_000_000L;
		long hardEnd = windowEnd + 30 * intervalMs * 1_000_000L;
		Reading previous = Reading.of(server);
		Reading burstStart = null;
		long lastChangeAt = System.nanoTime();
		boolean quietSeen = false;
		int reported = 0;
		while ((System.nanoTime() < windowEnd || burstStart != null) && System.nanoTime() < hardEnd) {
			LockSupport.parkNanos(2_000_000L);
			long now = System.nanoTime();
			Reading current = Reading.of(server);
			if (current.calls().total() != previous.calls().total()) {
				if (burstStart == null && quietSeen) {
					burstStart = previous;
				}
				lastChangeAt = now;
			}
			else if (now - lastChangeAt > quietNanos) {
				if (burstStart != null) {
					// Read at the end of the quiet gap: byte counts of the last response have settled.
					ApiCalls calls = current.calls().since(burstStart.calls());
					ChildProcess.report("label", label, "cycle", ++reported, "api_calls", calls.total(),
							"get_secret_value", calls.of("GetSecretValue"), "batch_get_secret_value",
							calls.of("BatchGetSecretValue"), "response_bytes", current.bytes() - burstStart.bytes(),
							"calls_by_operation", calls.breakdown());
					burstStart = null;
				}
				quietSeen = true;
			}
			previous = current;
		}
		if (reported == 0) {
			ChildProcess.report("label", label, "cycle", 0);
		}
	}

	/** Counters at one instant. */
	private record Reading(ApiCalls calls, long bytes) {

		static Reading of(LocalSecretsManager server) {
			ApiCalls calls = ApiCalls.of(server);
			long bytes = 0;
			for (String op : calls.byOperation().keySet()) {
				bytes += server.requests().responseBytes(op);
			}
			return new Reading(calls, bytes);
		}

	}

	/** Write a new revision at a random point of the interval; time until the bean shows it. */
	private static void propagation(LocalSecretsManager server, Supplier<String> revision,
			@Nullable Predicate<String> handleShows, long intervalMs, int changes, String label) {
		for (int k = 1; k <= changes; k++) {
			LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(intervalMs * 1_000_000L));
			ApiCalls before = ApiCalls.of(server);
			String expected = String.valueOf(k);
			long written = System.nanoTime();
			server.putSecretValue(SecretsFixture.name(0), SecretsFixture.json(0, k));
			long deadline = written + (10 * intervalMs + 10_000) * 1_000_000L;
			long seen = -1;
			long handleSeen = (handleShows != null) ? -1 : 0;
			ApiCalls calls = null;
			while ((seen < 0 || handleSeen < 0) && System.nanoTime() < deadline) {
				LockSupport.parkNanos(100_000L);
				long now = System.nanoTime();
				if (handleSeen < 0 && handleShows.test(expected)) {
					handleSeen = now;
				}
				if (seen < 0 && expected.equals(revision.get())) {
					seen = now;
					calls = ApiCalls.of(server).since(before);
				}
			}
			boolean arrived = seen >= 0;
			if (calls == null) {
				calls = ApiCalls.of(server).since(before);
			}
			ChildProcess.report("label", label, "change", k, "arrived", arrived, "latency_ms",
					String.format(Locale.ROOT, "%.1f", (seen - written) / 1e6), "handle_ms",
					(handleShows == null || handleSeen < 0) ? "" : String.format(Locale.ROOT, "%.1f", (handleSeen - written) / 1e6),
					"api_calls", calls.total(), "get_secret_value", calls.of("GetSecretValue"), "calls_by_operation",
					calls.breakdown());
			if (!arrived) {
				return;
			}
			// Let the refresh that delivered it finish before the next write.
			LockSupport.parkNanos(200_000_000L);
		}
	}

}
