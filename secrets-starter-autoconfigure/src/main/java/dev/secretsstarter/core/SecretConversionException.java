package dev.secretsstarter.core;

/**
 * A secret's value could not be converted to the requested type: not JSON, a JSON shape that does
 * not fit the type, or a binary secret read as text. The parser's own message is deliberately not
 * kept, because parsers quote the input they reject; the message names the JSON path instead.
 * <p>
 * Immutable and thread-safe.
 *
 * @author secrets-starter team
 */
public class SecretConversionException extends SecretsException {

	private final Class<?> targetType;

	/**
	 * Create a new instance.
	 * @param message the message: secret, target type, location and fix, never a value
	 * @param secretId the secret's name or ARN
	 * @param operation the Secrets Manager operation that returned the value
	 * @param targetType the type the value was to be converted to
	 */
	public SecretConversionException(String message, String secretId, String operation, Class<?> targetType) {
		super(message, secretId, operation, null, null);
		this.targetType = targetType;
	}

	/**
	 * The type the value was to be converted to.
	 * @return the target type
	 */
	public Class<?> getTargetType() {
		return this.targetType;
	}

}
