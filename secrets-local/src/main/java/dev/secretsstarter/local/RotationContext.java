package dev.secretsstarter.local;

import java.util.Optional;

/**
 * What a {@link RotationFunction} step can see and do: the equivalent of the event a rotation Lambda
 * receives plus the Secrets Manager calls it would make. Calls go straight to the in-process store:
 * they are not HTTP requests, so they are not counted by {@link RequestCounters} nor subject to
 * faults; they do notify {@link SecretChangeListener}s. Thread-safe.
 */
public interface RotationContext {

	/** @return the ARN of the secret being rotated (the Lambda event's {@code SecretId}) */
	String secretId();

	/** @return the version id of the pending version (the Lambda event's {@code ClientRequestToken}) */
	String clientRequestToken();

	/** @return the step being run: {@code createSecret}, {@code setSecret}, {@code testSecret} or {@code finishSecret} */
	String step();

	/** @return the SecretString of the version labelled AWSCURRENT, if it has one */
	Optional<String> currentSecretString();

	/** @return the SecretString of the pending version, if it exists yet and has a string value */
	Optional<String> pendingSecretString();

	/** @return the version id labelled AWSCURRENT, if any */
	Optional<String> currentVersionId();

	/**
	 * Like {@code PutSecretValue} with {@code ClientRequestToken = clientRequestToken()} and
	 * {@code VersionStages = [AWSPENDING]}. Idempotent when called again with the same value.
	 * @param secretString the new value
	 */
	void putPendingSecretString(String secretString);

	/**
	 * Like {@code UpdateSecretVersionStage} moving AWSCURRENT to the pending version; AWSPREVIOUS
	 * follows the old current version and AWSPENDING is removed from the pending version.
	 */
	void makePendingCurrent();

}
