package dev.secretsstarter.cache;

import dev.secretsstarter.core.SecretsException;
import dev.secretsstarter.core.SecretsExceptionTranslator;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Turns SDK exceptions and per-secret batch errors into {@link SecretsException}s through the
 * core {@link SecretsExceptionTranslator}, so the cache reports failures exactly as the template
 * does. Messages never contain a value.
 */
final class SecretErrors {

	private SecretErrors() {
	}

	static SecretsException translate(SecretKey key, String operation, SdkException ex) {
		return SecretsExceptionTranslator.translate(key.secretId(), operation, ex);
	}

	/**
	 * An exception standing for one {@code Errors} entry of a BatchGetSecretValue response, so that
	 * it classifies and translates exactly like the same error from GetSecretValue.
	 */
	static SecretsManagerException batchError(String errorCode, String errorMessage) {
		return (SecretsManagerException) SecretsManagerException.builder()
			.message(errorMessage)
			.statusCode(SecretFailureKind.ofErrorCode(errorCode, 0) == SecretFailureKind.THROTTLED ? 429 : 400)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).errorMessage(errorMessage).build())
			.build();
	}

}
