package dev.secretsstarter.config;

import java.util.List;
import java.util.stream.Collectors;

import dev.secretsstarter.cache.SecretFailureKind;

/**
 * Thrown at start-up when imported secrets cannot be loaded; lists every failing secret and why
 * at once, rather than the first. Never contains a value.
 *
 * @author secrets-starter team
 */
public class SecretsImportException extends RuntimeException {

	private final List<Failure> failures;

	/**
	 * Create a new instance.
	 * @param failures every failure
	 */
	public SecretsImportException(List<Failure> failures) {
		super(describe(failures), failures.isEmpty() ? null : failures.get(0).cause());
		this.failures = List.copyOf(failures);
	}

	private static String describe(List<Failure> failures) {
		return failures.size() + " imported secret(s) could not be loaded:\n"
				+ failures.stream().map((failure) -> "  - " + failure).collect(Collectors.joining("\n"));
	}

	/**
	 * Every failure.
	 * @return an immutable list
	 */
	public List<Failure> getFailures() {
		return this.failures;
	}

	/**
	 * One secret that failed.
	 *
	 * @param location the import entry, for example {@code aws-secretsmanager:db/credentials}
	 * @param secretId the secret
	 * @param kind why, as far as the user can act on it
	 * @param cause the exception, naming the secret and never a value
	 */
	public record Failure(String location, String secretId, SecretFailureKind kind, RuntimeException cause) {

		@Override
		public String toString() {
			return "'" + this.secretId + "' (" + this.location + "): " + this.cause.getMessage();
		}

	}

}
