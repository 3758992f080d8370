package dev.secretsstarter.cache;

import dev.secretsstarter.core.SecretsException;

/**
 * A secret's value cannot be read the way its use requires, for example a JSON object that is
 * not well-formed. The message gives the position of the problem, never the value.
 *
 * @author secrets-starter team
 */
public class MalformedSecretException extends SecretsException {

	/**
	 * Create a new instance.
	 * @param secretId the secret name or ARN
	 * @param message the message, without any part of the value
	 */
	public MalformedSecretException(String secretId, String message) {
		super(message, secretId, "GetSecretValue", null, null);
	}

}
