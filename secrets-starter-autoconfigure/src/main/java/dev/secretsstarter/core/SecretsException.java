package dev.secretsstarter.core;

import org.jspecify.annotations.Nullable;

/**
 * Base of the unchecked exceptions the starter throws for Secrets Manager failures. The message
 * names the secret, the operation, the cause and the fix, and never contains a secret value. The
 * SDK exception, when there is one, is kept as the cause.
 * <p>
 * Subclasses by cause: {@link SecretNotFoundException}, {@link SecretAccessDeniedException},
 * {@link SecretsThrottledException}, {@link SecretStateException} (with
 * {@link SecretAlreadyExistsException}), {@link InvalidSecretRequestException},
 * {@link SecretsUnavailableException} and {@link SecretConversionException}. Built by
 * {@link SecretsExceptionTranslator}.
 * <p>
 * Immutable and thread-safe.
 *
 * @author secrets-starter team
 */
public class SecretsException extends RuntimeException {

	private final @Nullable String secretId;

	private final String operation;

	private final @Nullable String errorCode;

	/**
	 * Create a new instance.
	 * @param message the message: secret, cause and fix, never a value
	 * @param secretId the secret's name or ARN, or {@code null} if the operation has none
	 * @param operation the Secrets Manager operation, for example {@code GetSecretValue}
	 * @param errorCode the AWS error code, or {@code null} for a client-side failure
	 * @param cause the underlying exception, or {@code null}
	 */
	public SecretsException(String message, @Nullable String secretId, String operation, @Nullable String errorCode,
			@Nullable Throwable cause) {
		super(message, cause);
		this.secretId = secretId;
		this.operation = operation;
		this.errorCode = errorCode;
	}

	/**
	 * The secret the operation was about.
	 * @return the secret's name or ARN as the caller gave it, or {@code null}
	 */
	public @Nullable String getSecretId() {
		return this.secretId;
	}

	/**
	 * The Secrets Manager operation that failed.
	 * @return the operation name, for example {@code GetSecretValue}
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * The AWS error code of the failure.
	 * @return the code, for example {@code ResourceNotFoundException}, or {@code null} when the
	 * request did not get a service answer
	 */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

}
