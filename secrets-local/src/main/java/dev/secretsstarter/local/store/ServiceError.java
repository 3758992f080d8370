package dev.secretsstarter.local.store;

/**
 * An error the API answers with: its {@code __type}, HTTP status and a message. Messages name the
 * secret or parameter, never a value. Immutable.
 */
public final class ServiceError extends RuntimeException {

	private final String type;

	private final int status;

	public ServiceError(String type, int status, String message) {
		super(message, null, false, false);
		this.type = type;
		this.status = status;
	}

	public String type() {
		return this.type;
	}

	public int status() {
		return this.status;
	}

	public static ServiceError notFound(String secretId) {
		return new ServiceError("ResourceNotFoundException", 400,
				"Secrets Manager can't find the specified secret. (" + secretId + ")");
	}

	public static ServiceError versionNotFound(String what) {
		return new ServiceError("ResourceNotFoundException", 400,
				"Secrets Manager can't find the specified secret value for " + what + ".");
	}

	public static ServiceError invalidParameter(String message) {
		return new ServiceError("InvalidParameterException", 400, message);
	}

	public static ServiceError invalidRequest(String message) {
		return new ServiceError("InvalidRequestException", 400, message);
	}

	public static ServiceError exists(String message) {
		return new ServiceError("ResourceExistsException", 400, message);
	}

	public static ServiceError limitExceeded(String message) {
		return new ServiceError("LimitExceededException", 400, message);
	}

	public static ServiceError serialization(String message) {
		return new ServiceError("SerializationException", 400, message);
	}

	public static ServiceError internal(String message) {
		return new ServiceError("InternalServiceError", 500, message);
	}

	public static ServiceError markedForDeletion(String name) {
		return invalidRequest("You can't perform this operation on the secret because it was marked for deletion. ("
				+ name + ")");
	}

}
