package dev.secretsstarter.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run could not measure and why, per suite; written beside the raw results and shown in
 * the report, so that a missing figure is explained rather than invented. Thread-safe.
 *
 * @author secrets-starter team
 */
public final class Notes {

	private final Map<String, Set<String>> bySuite = new LinkedHashMap<>();

	/**
	 * Record a note.
	 * @param suite the suite
	 * @param note what happened
	 */
	public synchronized void add(String suite, String note) {
		this.bySuite.computeIfAbsent(suite, (key) -> new LinkedHashSet<>()).add(note);
		System.out.println("note [" + suite + "]: " + note);
	}

	/**
	 * Write the notes of one suite (replacing older ones).
	 * @param resultsDir the results directory
	 * @param suite the suite
	 */
	public synchronized void save(Path resultsDir, String suite) {
		Path file = resultsDir.resolve(suite + "-notes.txt");
		try {
			Files.createDirectories(resultsDir);
			Files.write(file, new ArrayList<>(this.bySuite.getOrDefault(suite, Set.of())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Read the saved notes of a suite.
	 * @param resultsDir the results directory
	 * @param suite the suite
	 * @return the notes
	 */
	public static List<String> load(Path resultsDir, String suite) {
		Path file = resultsDir.resolve(suite + "-notes.txt");
		try {
			return Files.exists(file) ? Files.readAllLines(file) : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
