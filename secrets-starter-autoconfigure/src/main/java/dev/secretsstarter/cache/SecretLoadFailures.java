package dev.secretsstarter.cache;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Thrown when some secrets of a batch could not be loaded; lists every one and why, so a
 * start-up report can show all problems at once rather than the first. The secrets that did load
 * are cached all the same. Never contains a value.
 *
 * @author secrets-starter team
 */
public class SecretLoadFailures extends RuntimeException {

	private final Map<SecretKey, RuntimeException> failures;

	/**
	 * Create a new instance.
	 * @param failures the cause per key (the causes never contain values)
	 */
	public SecretLoadFailures(Map<SecretKey, RuntimeException> failures) {
		super(describe(failures));
		this.failures = Map.copyOf(failures);
	}

	private static String describe(Map<SecretKey, RuntimeException> failures) {
		List<String> lines = failures.entrySet()
			.stream()
			.map((entry) -> "  - " + entry.getKey() + ": " + entry.getValue().getMessage())
			.sorted()
			.toList();
		return failures.size() + " secret(s) could not be loaded:\n" + lines.stream().collect(Collectors.joining("\n"));
	}

	/**
	 * The cause per key.
	 * @return an immutable map
	 */
	public Map<SecretKey, RuntimeException> getFailures() {
		return this.failures;
	}

}
