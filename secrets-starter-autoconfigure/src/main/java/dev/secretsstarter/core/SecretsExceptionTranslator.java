package dev.secretsstarter.core;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Translates AWS SDK exceptions into the {@link SecretsException} hierarchy, with messages that
 * name the secret, the operation, the cause and the fix. The one place every component (typed
 * operations, config import, cache, refresh) turns an SDK failure into a user-facing error.
 * <p>
 * Messages carry the AWS error code and, for request and permission errors, the service's own
 * error message (which names parameters and permissions, never secret values). The SDK exception
 * is kept as the cause.
 * <p>
 * Stateless and thread-safe.
 *
 * @author secrets-starter team
 */
public final class SecretsExceptionTranslator {

	private static final Set<String> NOT_FOUND = Set.of("ResourceNotFoundException");

	private static final Set<String> ACCESS_DENIED = Set.of("AccessDeniedException", "AccessDenied");

	private static final Set<String> BAD_CREDENTIALS = Set.of("UnrecognizedClientException",
			"InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature", "ExpiredTokenException",
			"ExpiredToken", "InvalidClientTokenId", "MissingAuthenticationToken", "MissingAuthenticationTokenException");

	private static final Set<String> KMS = Set.of("DecryptionFailure", "EncryptionFailure");

	private static final Set<String> ALREADY_EXISTS = Set.of("ResourceExistsException");

	private static final Set<String> STATE = Set.of("InvalidRequestException", "PreconditionNotMetException");

	private static final Set<String> INVALID = Set.of("InvalidParameterException", "MalformedPolicyDocumentException",
			"PublicPolicyException", "LimitExceededException", "InvalidNextTokenException", "ValidationException",
			"SerializationException");

	private SecretsExceptionTranslator() {
	}

	/**
	 * Translate an SDK exception.
	 * @param secretId the secret's name or ARN, or {@code null} if the operation has none
	 * @param operation the Secrets Manager operation, for example {@code GetSecretValue}
	 * @param ex the SDK exception
	 * @return the translated exception, to be thrown by the caller
	 */
	public static SecretsException translate(@Nullable String secretId, String operation, SdkException ex) {
		return translate(secretId, operation, ex, null);
	}

	/**
	 * Translate an SDK exception, naming the endpoint in connection failures.
	 * @param secretId the secret's name or ARN, or {@code null} if the operation has none
	 * @param operation the Secrets Manager operation, for example {@code GetSecretValue}
	 * @param ex the SDK exception
	 * @param endpoint a description of the endpoint the client uses, for example its URL, or
	 * {@code null} if unknown
	 * @return the translated exception, to be thrown by the caller
	 */
	public static SecretsException translate(@Nullable String secretId, String operation, SdkException ex,
			@Nullable String endpoint) {
		if (ex instanceof AwsServiceException service) {
			return translateService(secretId, operation, service);
		}
		if (ex instanceof SdkServiceException service) {
			return serverError(secretId, operation, null, service.statusCode(), service);
		}
		if (ex instanceof SdkClientException client) {
			return translateClient(secretId, operation, client, endpoint);
		}
		return new SecretsException(subject(operation, secretId) + " failed (" + ex.getClass().getSimpleName() + ": "
				+ ex.getMessage() + ").", secretId, operation, null, ex);
	}

	private static SecretsException translateService(@Nullable String secretId, String operation,
			AwsServiceException ex) {
		AwsErrorDetails details = ex.awsErrorDetails();
		String code = (details != null) ? details.errorCode() : null;
		String serviceMessage = (details != null) ? details.errorMessage() : null;
		String cause = "(" + operation + ": " + ((code != null) ? code : "HTTP " + ex.statusCode())
				+ ((serviceMessage != null) ? ": " + serviceMessage : "") + ")";
		String secret = secretName(secretId);
		if (code != null && NOT_FOUND.contains(code)) {
			return new SecretNotFoundException(secret + " was not found " + cause + ". Check the name or ARN, and that "
					+ "secrets.region (or secrets.endpoint) and the credentials point at the account and region that "
					+ "hold it.", secretId, operation, code, ex);
		}
		if (code != null && BAD_CREDENTIALS.contains(code)) {
			return new SecretAccessDeniedException(subject(operation, secretId) + " was rejected: the credentials are "
					+ "invalid or expired " + cause + ". Check secrets.credentials.* or the SDK's default credentials "
					+ "chain (environment, profile, instance role).", secretId, operation, code, ex);
		}
		if ((code != null && ACCESS_DENIED.contains(code)) || ex.statusCode() == 403) {
			return new SecretAccessDeniedException("Access to " + lower(secret) + " was denied " + cause
					+ ". Grant the caller secretsmanager:" + operation + grantedOn(operation)
					+ ", or use other credentials.", secretId, operation, code, ex);
		}
		if (code != null && KMS.contains(code)) {
			return new SecretAccessDeniedException("The KMS key of " + lower(secret) + " could not be used " + cause
					+ ". Grant the caller kms:Decrypt and kms:GenerateDataKey on the key, and check the key is enabled.",
					secretId, operation, code, ex);
		}
		if (ex.isThrottlingException()) {
			return new SecretsThrottledException("Secrets Manager throttled " + operation + " of " + lower(secret)
					+ " after the SDK's retries " + cause + ". Call less often (cache values instead of reading them "
					+ "per use), or allow more retries with secrets.client.max-attempts or "
					+ "secrets.client.retry-mode=adaptive.", secretId, operation, code, ex);
		}
		if (code != null && ALREADY_EXISTS.contains(code)) {
			return new SecretAlreadyExistsException(secret + " already exists " + cause + ". Use another name, or put "
					+ "a new value into the existing secret; a secret scheduled for deletion keeps its name until it "
					+ "is restored or deleted for good.", secretId, operation, code, ex);
		}
		if (code != null && STATE.contains(code)) {
			return new SecretStateException(subject(operation, secretId) + " is not possible in the secret's current "
					+ "state " + cause + ". " + stateFix(serviceMessage), secretId, operation, code, ex);
		}
		if (code != null && INVALID.contains(code)) {
			return new InvalidSecretRequestException(subject(operation, secretId) + " was rejected as invalid " + cause
					+ ". Correct the parameter the service names; the Secrets Manager API reference lists each "
					+ "parameter's constraints.", secretId, operation, code, ex);
		}
		if (ex.statusCode() >= 500) {
			return serverError(secretId, operation, code, ex.statusCode(), ex);
		}
		return new SecretsException(subject(operation, secretId) + " failed " + cause + ".", secretId, operation, code,
				ex);
	}

	private static String stateFix(@Nullable String serviceMessage) {
		String message = (serviceMessage != null) ? serviceMessage.toLowerCase(Locale.ROOT) : "";
		if (message.contains("deletion") || message.contains("deleted")) {
			return "The secret is scheduled for deletion: restore it (RestoreSecret) before using it.";
		}
		if (message.contains("no lambda rotation function")) {
			// "No Lambda rotation function ARN is associated with this secret": not a rotation in progress.
			return "The secret has no rotation function: configure one when rotating, for example "
					+ "rotate(secretId, RotationOptions.everyDays(30).lambdaArn(functionArn)).";
		}
		if (message.contains("rotation")) {
			return "A rotation is in progress: wait for it to finish, or cancel it (CancelRotateSecret).";
		}
		return "Check the secret's state (DescribeSecret): deletion date, rotation, version stages.";
	}

	private static SecretsException serverError(@Nullable String secretId, String operation, @Nullable String code,
			int status, SdkException ex) {
		return new SecretsUnavailableException("Secrets Manager failed " + operation + " of " + lower(secretName(secretId))
				+ " with a server error (" + ((code != null) ? code + ", " : "") + "HTTP " + status + "). This is "
				+ "usually transient and the SDK already retried; try again later.", secretId, operation, code, ex);
	}

	private static SecretsException translateClient(@Nullable String secretId, String operation,
			SdkClientException ex, @Nullable String endpoint) {
		String target = (endpoint != null) ? endpoint : "the Secrets Manager endpoint";
		String where = (endpoint != null) ? "Secrets Manager at " + endpoint : "The Secrets Manager endpoint";
		if (ex instanceof ApiCallTimeoutException || ex instanceof ApiCallAttemptTimeoutException) {
			return new SecretsUnavailableException(subject(operation, secretId) + " timed out ("
					+ ex.getClass().getSimpleName() + "). Check the network to " + target + ", or raise "
					+ "secrets.client.api-call-timeout / secrets.client.api-call-attempt-timeout.", secretId, operation,
					null, ex);
		}
		Throwable connectFailure = connectFailure(ex);
		if (connectFailure != null) {
			return new SecretsUnavailableException(where + " could not be reached for " + operation + " of "
					+ lower(secretName(secretId)) + " (" + connectFailure.getClass().getSimpleName() + ": "
					+ connectFailure.getMessage() + "). Check secrets.endpoint and secrets.region, and the network "
					+ "(DNS, proxy, firewall, VPC endpoint) between this application and the endpoint.", secretId,
					operation, null, ex);
		}
		return new SecretsException(subject(operation, secretId) + " failed in the client (" + ex.getMessage() + ").",
				secretId, operation, null, ex);
	}

	private static @Nullable Throwable connectFailure(Throwable ex) {
		// Bounded: cause chains are short, and a cycle must not loop forever.
		Throwable candidate = ex;
		for (int depth = 0; candidate != null && depth < 10; depth++) {
			if (candidate instanceof ConnectException || candidate instanceof UnknownHostException
					|| candidate instanceof NoRouteToHostException || candidate instanceof SocketTimeoutException) {
				return candidate;
			}
			candidate = candidate.getCause();
		}
		return null;
	}

	private static String secretName(@Nullable String secretId) {
		return (secretId != null) ? "Secret '" + secretId + "'" : "The request";
	}

	private static String subject(String operation, @Nullable String secretId) {
		return operation + ((secretId != null) ? " of secret '" + secretId + "'" : "");
	}

	// These actions name no secret, so IAM grants them on all resources, not on a secret.
	private static String grantedOn(@Nullable String operation) {
		return (operation != null && Set.of("ListSecrets", "BatchGetSecretValue", "GetRandomPassword").contains(operation))
				? " (an action granted on \"Resource\": \"*\", not on a secret)"
				: " on the secret (and kms:Decrypt on its key)";
	}

	private static String lower(String text) {
		return Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

}
