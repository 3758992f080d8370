package dev.secretsstarter.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the benchmark suites and regenerates {@code docs/benchmarks.md}. Run from the repository
 * root (as {@code benchmarks/run.sh} does):
 * <pre>
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) dev.secretsstarter.benchmarks.RunAll [--quick] [--report-only] [--rounds=N] [--counts=0,1,20,100] [suite…]
 * </pre>
 * Suites: {@code startup hot steady propagation local memory}; none named means all. Each suite
 * replaces its own raw results under {@code benchmarks/results/}; the page is rebuilt from all raw
 * results on disk.
 *
 * @author secrets-starter team
 */
public final class RunAll {

	/** Every suite, in run order. */
	public static final List<String> SUITES = List.of("startup", "hot", "steady", "propagation", "local", "memory");

	private RunAll() {
	}

	/**
	 * Run.
	 * @param args options and suite names
	 */
	public static void main(String[] args) {
		// Before any HTTP server class loads: see ChildProcess.NODELAY_PROPERTY.
		System.setProperty(ChildProcess.NODELAY_PROPERTY, "true");
		boolean quick = false;
		boolean reportOnly = false;
		List<Integer> secretCounts = List.of(0, 1, 20, 100);
		Integer rounds = null;
		Set<String> suites = new LinkedHashSet<>();
		for (String arg : args) {
			switch (arg) {
				case "--quick" -> quick = true;
				case "--report-only" -> reportOnly = true;
				default -> {
					if (arg.startsWith("--counts=")) {
						secretCounts = java.util.Arrays.stream(arg.substring("--counts=".length()).split(","))
							.map(Integer::valueOf)
							.toList();
						continue;
					}
					if (arg.startsWith("--rounds=")) {
						rounds = Integer.valueOf(arg.substring("--rounds=".length()));
						continue;
					}
					if (!SUITES.contains(arg)) {
						throw new IllegalArgumentException("Unknown suite '" + arg + "'; known: " + SUITES);
					}
					suites.add(arg);
				}
			}
		}
		if (suites.isEmpty()) {
			suites.addAll(SUITES);
		}
		Path root = Paths.get("").toAbsolutePath();
		Path module = root.resolve("benchmarks");
		if (!Files.isDirectory(module)) {
			throw new IllegalStateException("Run from the repository root (benchmarks/ not found in " + root + ")");
		}
		Path results = module.resolve("results");
		if (!reportOnly) {
			Classpaths classpaths = Classpaths.load(module);
			Notes notes = new Notes();
			for (String suite : suites) {
				long started = System.nanoTime();
				System.out.println("== " + suite + (quick ? " (quick)" : ""));
				MachineInfo.save(MachineInfo.describe(classpaths), results.resolve(suite + "-env.properties"));
				runSuite(suite, new Settings(quick, secretCounts, rounds), classpaths, notes, results);
				notes.save(results, suite);
				System.out.printf("== %s took %.0f s%n", suite, (System.nanoTime() - started) / 1e9);
			}
		}
		new Report(results, root.resolve("docs")).write();
		System.out.println("Wrote docs/benchmarks.md");
	}

	/**
	 * Options that shape a run.
	 *
	 * @param quick tiny counts
	 * @param secretCounts the numbers of imported secrets for the start-up suite
	 * @param roundsOverride rounds per variant, or {@code null} for the suite's default
	 */
	private record Settings(boolean quick, List<Integer> secretCounts, Integer roundsOverride) {

		int rounds(int defaultRounds) {
			return (this.roundsOverride != null) ? this.roundsOverride : defaultRounds;
		}

	}

	private static void deleteMatching(Path dir, String prefix) {
		try (java.util.stream.Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().startsWith(prefix)).toList()) {
				Files.delete(file);
			}
		}
		catch (java.io.IOException ex) {
			// Nothing to clear yet.
		}
	}

	private static void runSuite(String suite, Settings settings, Classpaths classpaths, Notes notes, Path results) {
		boolean quick = settings.quick();
		JmhSuite jmh = new JmhSuite(classpaths, notes);
		switch (suite) {
			case "startup" -> new StartupBenchmark(classpaths, settings.secretCounts(), settings.rounds(quick ? 1 : 9), notes)
				.run(results);
			case "hot" -> {
				// JMH runs benchmarks one after another; rounds of short invocations interleave them
				// (A B C, A B C, …) so that a burst of load from others falls on every variant.
				List<String> options = new ArrayList<>(List.of("-prof", "gc", "-f", "1"));
				options.addAll(quick ? List.of("-wi", "1", "-w", "200ms", "-i", "2", "-r", "200ms")
						: List.of("-wi", "2", "-w", "500ms", "-i", "4", "-r", "500ms"));
				deleteMatching(results, "jmh-hot-");
				for (int round = 1; round <= settings.rounds(quick ? 1 : 2); round++) {
					for (int threads : new int[] { 1, 2 }) {
						List<String> withThreads = new ArrayList<>(options);
						withThreads.addAll(List.of("-t", String.valueOf(threads)));
						jmh.run("hot", results.resolve("jmh-hot-t" + threads + "-r" + round + ".json"),
								"HotReadBenchmark", withThreads, Duration.ofMinutes(10),
								List.of("HotReadBenchmark", "OurHotReadBenchmark"));
					}
				}
			}
			case "local" -> jmh.run("local", results.resolve("jmh-local.json"), "LocalServer",
					quick ? List.of("-f", "1", "-wi", "1", "-i", "1", "-w", "500ms", "-r", "500ms") : List.of(),
					Duration.ofMinutes(10), List.of("LocalServerStartBenchmark", "LocalServerThroughputBenchmark"));
			case "memory" -> new MemoryBenchmark(classpaths, quick ? 200 : 2000, quick ? 1 : 3, notes).run(results);
			case "steady" -> new WatchBenchmark(classpaths, notes, 2000).steady(results, quick ? 2 : 4);
			case "propagation" -> new WatchBenchmark(classpaths, notes, 1000).propagation(results, quick ? 2 : 16);
			default -> throw new IllegalArgumentException(suite);
		}
	}

}
