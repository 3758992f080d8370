package dev.secretsstarter.cache;

import dev.secretsstarter.core.SecretNotFoundException;
import dev.secretsstarter.core.SecretsException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Turns SDK exceptions and per-secret batch errors into {@link SecretsException}s that name the
 * secret, the cause and the fix. Messages never contain a value: the service's error messages do
 * not, and nothing else from the response is used.
 */
final class SecretErrors {

	private SecretErrors() {
	}

	static SecretsException translate(SecretKey key, String operation, SdkException ex) {
		SecretFailureKind kind = SecretFailureKind.of(ex);
		String code = (ex instanceof AwsServiceException aws) ? SecretFailureKind.errorCode(aws) : null;
		String detail = (ex instanceof AwsServiceException aws && aws.awsErrorDetails() != null)
				? aws.awsErrorDetails().errorMessage() : ex.getMessage();
		String message = "Could not load secret '" + key + "' with " + operation + ": " + describe(kind)
				+ ((code != null) ? " (" + code + ": " + detail + ")" : " (" + detail + ")") + ". " + kind.action();
		return (kind == SecretFailureKind.NOT_FOUND) ? new SecretNotFoundException(key.secretId(), message, ex)
				: new SecretsException(key.secretId(), message, ex);
	}

	/**
	 * An exception standing for one {@code Errors} entry of a BatchGetSecretValue response, so that
	 * it classifies and translates exactly like the same error from GetSecretValue.
	 */
	static SecretsManagerException batchError(String errorCode, String errorMessage) {
		return (SecretsManagerException) SecretsManagerException.builder()
			.message(errorMessage)
			.statusCode(400)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).errorMessage(errorMessage).build())
			.build();
	}

	private static String describe(SecretFailureKind kind) {
		return switch (kind) {
			case NOT_FOUND -> "it does not exist";
			case ACCESS_DENIED -> "access was denied";
			case DECRYPTION_FAILED -> "it could not be decrypted";
			case INVALID_REQUEST -> "the request does not fit the secret's state";
			case THROTTLED -> "the calls were throttled";
			case SERVICE_ERROR -> "Secrets Manager failed";
			case UNREACHABLE -> "Secrets Manager could not be reached";
			case MALFORMED -> "its value is malformed";
			case OTHER -> "an unexpected error occurred";
		};
	}

}
