package dev.secretsstarter.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retained heap per cached secret, one child JVM per subject and round.
 *
 * @author secrets-starter team
 */
public final class MemoryBenchmark {

	/** The raw results file. */
	public static final String RESULTS = "memory.csv";

	static final List<String> COLUMNS = List.of("subject", "round", "count", "bytes_per_secret", "before_bytes",
			"after_bytes");

	/** Subjects and what they are, in report order. */
	public static final Map<String, String> SUBJECTS = subjects();

	private final Classpaths classpaths;

	private final int count;

	private final int rounds;

	private final Notes notes;

	/**
	 * A memory benchmark.
	 * @param classpaths the class paths
	 * @param count secrets cached per run
	 * @param rounds runs per subject
	 * @param notes where failures go
	 */
	public MemoryBenchmark(Classpaths classpaths, int count, int rounds, Notes notes) {
		this.classpaths = classpaths;
		this.count = count;
		this.rounds = rounds;
		this.notes = notes;
	}

	private static Map<String, String> subjects() {
		Map<String, String> subjects = new LinkedHashMap<>();
		subjects.put("secrets-starter-cache", "secrets-starter cache (CaffeineSecretCache, loaded through the SDK v2 client)");
		subjects.put("caffeine-snapshot", "SecretSnapshot (our cache's value type) alone in a Caffeine cache");
		subjects.put("aws-caching-client", "AWS caching client 1.0.2 (SDK v1)");
		return subjects;
	}

	/**
	 * Run it and write the raw results.
	 * @param resultsDir where to write
	 */
	public void run(Path resultsDir) {
		List<Map<String, String>> rows = new ArrayList<>();
		for (int round = 1; round <= this.rounds; round++) {
			for (String subject : SUBJECTS.keySet()) {
				ChildProcess.Result result = ChildProcess.run(this.classpaths.forJmh(),
						List.of("-XX:+UseSerialGC", "-Xmx1g"), MemoryProbe.class.getName(),
						List.of(subject, String.valueOf(this.count)), Duration.ofMinutes(3));
				if (!result.succeeded()) {
					this.notes.add("memory", subject + " failed: " + result.failureReason());
					continue;
				}
				Map<String, String> row = new LinkedHashMap<>(result.first());
				row.put("round", String.valueOf(round));
				rows.add(row);
			}
		}
		Csv.write(resultsDir.resolve(RESULTS), COLUMNS, rows);
	}

}
