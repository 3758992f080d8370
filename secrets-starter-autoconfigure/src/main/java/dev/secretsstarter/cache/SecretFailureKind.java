package dev.secretsstarter.cache;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Why loading a secret failed, as far as a user can act on it; each kind carries the fix.
 * Classification reads the AWS error code anywhere in the cause chain, so it works for the SDK's
 * exceptions, for per-secret errors of BatchGetSecretValue and for the starter's own exceptions
 * that wrap them.
 *
 * @author secrets-starter team
 */
public enum SecretFailureKind {

	/**
	 * The secret or the requested version does not exist.
	 */
	NOT_FOUND(false, "Check the secret name or ARN and the region (secrets.region); create the secret, "
			+ "or prefix the import with 'optional:' if the application can start without it."),

	/**
	 * The caller may not read the secret, or the credentials are invalid.
	 */
	ACCESS_DENIED(false, "Grant the application's identity secretsmanager:GetSecretValue on the secret, and "
			+ "secretsmanager:BatchGetSecretValue (and, for a name-prefix import, secretsmanager:ListSecrets) on "
			+ "\"Resource\": \"*\", or fix secrets.credentials.*."),

	/**
	 * The KMS key of the secret cannot decrypt it for the caller.
	 */
	DECRYPTION_FAILED(false, "Grant kms:Decrypt on the secret's KMS key to the application's identity."),

	/**
	 * The secret is scheduled for deletion, or the request does not fit the secret's state.
	 */
	INVALID_REQUEST(false, "If the secret is scheduled for deletion, restore it (RestoreSecret) or stop "
			+ "importing it; check the version stage or version id requested."),

	/**
	 * The service throttled the calls, even after the client's retries.
	 */
	THROTTLED(true, "Reduce the call rate (fewer refreshes, batch imports) or raise secrets.client.max-attempts; "
			+ "it usually passes within seconds."),

	/**
	 * The service failed internally.
	 */
	SERVICE_ERROR(true, "Retry later; this is a transient Secrets Manager error."),

	/**
	 * The service could not be reached.
	 */
	UNREACHABLE(true, "Check secrets.endpoint, secrets.region and the network path (proxy, VPC endpoint, DNS)."),

	/**
	 * The value could not be read as the import requires (for example malformed JSON).
	 */
	MALFORMED(false, "Fix the secret's value (a JSON object must be well-formed) with PutSecretValue."),

	/**
	 * Anything else.
	 */
	OTHER(false, "See the cause.");

	private static final Set<String> ACCESS_DENIED_CODES = Set.of("AccessDeniedException", "AccessDenied",
			"UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException",
			"IncompleteSignature", "InvalidClientTokenId", "SignatureDoesNotMatch", "MissingAuthenticationToken");

	private static final Set<String> THROTTLING_CODES = Set.of("ThrottlingException", "Throttling",
			"TooManyRequestsException", "RequestLimitExceeded", "LimitExceededException");

	private final boolean transientFailure;

	private final String action;

	SecretFailureKind(boolean transientFailure, String action) {
		this.transientFailure = transientFailure;
		this.action = action;
	}

	/**
	 * Whether trying again later may succeed.
	 * @return whether transient
	 */
	public boolean isTransient() {
		return this.transientFailure;
	}

	/**
	 * What the user should do about it.
	 * @return the action
	 */
	public String action() {
		return this.action;
	}

	/**
	 * Classify a failure by the first AWS error code or SDK exception in its cause chain.
	 * @param failure the failure
	 * @return the kind
	 */
	public static SecretFailureKind of(Throwable failure) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof dev.secretsstarter.core.SecretNotFoundException) {
				return NOT_FOUND;
			}
			if (current instanceof dev.secretsstarter.core.SecretsThrottledException) {
				return THROTTLED;
			}
			if (current instanceof MalformedSecretException) {
				return MALFORMED;
			}
			if (current instanceof AwsServiceException aws) {
				return ofErrorCode(errorCode(aws), aws.statusCode());
			}
			if (current instanceof SdkClientException) {
				return UNREACHABLE;
			}
		}
		return OTHER;
	}

	/**
	 * Classify an AWS error code.
	 * @param errorCode the code, for example {@code ResourceNotFoundException}
	 * @param httpStatus the HTTP status, or 0 if unknown
	 * @return the kind
	 */
	public static SecretFailureKind ofErrorCode(@Nullable String errorCode, int httpStatus) {
		if ("ResourceNotFoundException".equals(errorCode)) {
			return NOT_FOUND;
		}
		if (errorCode != null && ACCESS_DENIED_CODES.contains(errorCode)) {
			return ACCESS_DENIED;
		}
		if ("DecryptionFailure".equals(errorCode) || "DecryptionFailureException".equals(errorCode)) {
			return DECRYPTION_FAILED;
		}
		if ("InvalidRequestException".equals(errorCode) || "InvalidParameterException".equals(errorCode)) {
			return INVALID_REQUEST;
		}
		if ((errorCode != null && THROTTLING_CODES.contains(errorCode)) || httpStatus == 429) {
			return THROTTLED;
		}
		if ("InternalServiceError".equals(errorCode) || "InternalServiceErrorException".equals(errorCode)
				|| "ServiceUnavailable".equals(errorCode) || httpStatus >= 500) {
			return SERVICE_ERROR;
		}
		if (httpStatus == 401 || httpStatus == 403) {
			return ACCESS_DENIED;
		}
		return OTHER;
	}

	static @Nullable String errorCode(AwsServiceException exception) {
		return (exception.awsErrorDetails() != null) ? exception.awsErrorDetails().errorCode() : null;
	}

}
