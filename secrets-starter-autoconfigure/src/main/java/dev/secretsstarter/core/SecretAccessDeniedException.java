package dev.secretsstarter.core;

import org.jspecify.annotations.Nullable;

/**
 * The credentials may not perform the operation on the secret or its KMS key ({@code AccessDeniedException}, signature and token errors, KMS decryption and encryption failures).
 * <p>
 * Immutable and thread-safe.
 *
 * @author secrets-starter team
 */
public class SecretAccessDeniedException extends SecretsException {

	/**
	 * Create a new instance.
	 * @param message the message: secret, cause and fix, never a value
	 * @param secretId the secret's name or ARN, or {@code null}
	 * @param operation the Secrets Manager operation
	 * @param errorCode the AWS error code, or {@code null}
	 * @param cause the underlying exception, or {@code null}
	 */
	public SecretAccessDeniedException(String message, @Nullable String secretId, String operation, @Nullable String errorCode,
			@Nullable Throwable cause) {
		super(message, secretId, operation, errorCode, cause);
	}

}
