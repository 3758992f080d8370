package dev.secretsstarter.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a set of JMH benchmarks in a child JVM ({@code org.openjdk.jmh.Main}, which forks its own
 * JVMs on the same class path) and keeps the JSON results.
 *
 * @author secrets-starter team
 */
public final class JmhSuite {

	private final Classpaths classpaths;

	private final Notes notes;

	/**
	 * A runner.
	 * @param classpaths the class paths
	 * @param notes where failures are recorded
	 */
	public JmhSuite(Classpaths classpaths, Notes notes) {
		this.classpaths = classpaths;
		this.notes = notes;
	}

	/**
	 * Run benchmarks matching a pattern.
	 * @param suite the suite name, for notes
	 * @param resultFile the JSON result file
	 * @param include the benchmark pattern (JMH regular expression)
	 * @param options further JMH options
	 * @param timeout how long it may take
	 * @param expected benchmark classes that must have a result (one failing does not stop the others)
	 * @return whether it succeeded
	 */
	public boolean run(String suite, Path resultFile, String include, List<String> options, Duration timeout,
			List<String> expected) {
		List<String> args = new ArrayList<>();
		args.add(include);
		args.addAll(options);
		args.addAll(List.of("-foe", "false", "-rf", "json", "-rff", resultFile.toAbsolutePath().toString()));
		Path log = resultFile.getParent().resolve("tmp").resolve(resultFile.getFileName() + ".log");
		System.out.println("jmh: " + include + " " + String.join(" ", options) + " (log: " + log + ")");
		ChildProcess.Result result = ChildProcess.run(this.classpaths.forJmh(), List.of("-Xmx512m"),
				"org.openjdk.jmh.Main", args, timeout, log);
		if (result.exitCode() != 0) {
			this.notes.add(suite, "JMH run of " + include + " failed: " + result.failureReason() + " (see " + log + ")");
			return false;
		}
		List<JmhResults.Entry> entries = JmhResults.read(resultFile);
		boolean complete = true;
		for (String benchmarkClass : expected) {
			if (entries.stream().noneMatch((entry) -> entry.name().startsWith(benchmarkClass + "."))) {
				this.notes.add(suite, benchmarkClass + " produced no result: " + firstError(log));
				complete = false;
			}
		}
		return complete;
	}

	private static String firstError(Path log) {
		try {
			for (String line : Files.readAllLines(log)) {
				if (line.contains("Exception:") || line.contains("Error:")) {
					return line.trim();
				}
			}
		}
		catch (IOException ex) {
			// No log: say so below.
		}
		return "see " + log;
	}

}
