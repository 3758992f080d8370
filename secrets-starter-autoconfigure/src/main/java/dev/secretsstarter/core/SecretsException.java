package dev.secretsstarter.core;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the starter throws about a secret: names the secret, the cause and
 * the fix, never a value.
 * <p>
 * Minimal placeholder until the client work lands its hierarchy in main; the cause (usually the
 * SDK's exception) is kept so callers can classify the failure.
 *
 * @author secrets-starter team
 */
public class SecretsException extends RuntimeException {

	private final String secretId;

	/**
	 * Create a new instance.
	 * @param secretId the secret name or ARN
	 * @param message the message, naming the secret, the cause and the fix, never a value
	 * @param cause the cause, or {@code null}
	 */
	public SecretsException(String secretId, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.secretId = secretId;
	}

	/**
	 * The secret this is about.
	 * @return the secret name or ARN
	 */
	public String getSecretId() {
		return this.secretId;
	}

}
