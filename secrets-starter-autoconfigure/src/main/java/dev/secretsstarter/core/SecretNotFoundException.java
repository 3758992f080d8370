package dev.secretsstarter.core;

import org.jspecify.annotations.Nullable;

/**
 * The secret (or the requested version of it) does not exist, or is scheduled for deletion.
 *
 * @author secrets-starter team
 */
public class SecretNotFoundException extends SecretsException {

	/**
	 * Create a new instance.
	 * @param secretId the secret name or ARN
	 * @param message the message
	 * @param cause the cause, or {@code null}
	 */
	public SecretNotFoundException(String secretId, String message, @Nullable Throwable cause) {
		super(secretId, message, cause);
	}

}
