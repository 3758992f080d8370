package dev.secretsstarter.core;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The Secrets Manager operations a Spring application calls by hand, typed, with service errors
 * translated to {@link SecretsException} subclasses. Implemented by {@link SecretsTemplate}.
 * <p>
 * A {@code secretId} is a secret's name or ARN. Reads without a {@link VersionSelector} read the
 * current version ({@code AWSCURRENT}). Values never appear in exception messages.
 * <p>
 * Implementations are thread-safe.
 *
 * <pre class="code">
 * record DbCredentials(String username, String password) {}
 * DbCredentials credentials = operations.get("db/credentials", DbCredentials.class);
 * </pre>
 *
 * @author secrets-starter team
 */
public interface SecretsOperations {

	/**
	 * Create a secret with a text value.
	 * @param name the new secret's name
	 * @param value the value
	 * @return the new secret and its first version
	 * @throws SecretAlreadyExistsException if the name is taken
	 */
	default SecretReference create(String name, String value) {
		return create(name, value, CreateSecretOptions.none());
	}

	/**
	 * Create a secret with a text value.
	 * @param name the new secret's name
	 * @param value the value
	 * @param options description, KMS key, tags
	 * @return the new secret and its first version
	 * @throws SecretAlreadyExistsException if the name is taken
	 */
	SecretReference create(String name, String value, CreateSecretOptions options);

	/**
	 * Create a secret with a binary value.
	 * @param name the new secret's name
	 * @param value the value
	 * @param options description, KMS key, tags
	 * @return the new secret and its first version
	 */
	SecretReference create(String name, byte[] value, CreateSecretOptions options);

	/**
	 * Create a secret whose value is an object written as JSON.
	 * @param name the new secret's name
	 * @param value the object, for example a record or a {@code Map}
	 * @param options description, KMS key, tags
	 * @return the new secret and its first version
	 * @throws SecretConversionException if the object cannot be written as JSON
	 */
	SecretReference createJson(String name, Object value, CreateSecretOptions options);

	/**
	 * Store a new text value as the current version.
	 * @param secretId the secret
	 * @param value the value
	 * @return the new version
	 */
	SecretReference putValue(String secretId, String value);

	/**
	 * Store a new binary value as the current version.
	 * @param secretId the secret
	 * @param value the value
	 * @return the new version
	 */
	SecretReference putValue(String secretId, byte[] value);

	/**
	 * Store an object written as JSON as the current version.
	 * @param secretId the secret
	 * @param value the object
	 * @return the new version
	 */
	SecretReference putJson(String secretId, Object value);

	/**
	 * Change a secret's description.
	 * @param secretId the secret
	 * @param description the new description
	 * @return the secret
	 */
	SecretReference updateDescription(String secretId, String description);

	/**
	 * Change a secret's value through UpdateSecret (a new current version).
	 * @param secretId the secret
	 * @param value the new value
	 * @return the new version
	 */
	SecretReference updateValue(String secretId, String value);

	/**
	 * Change a secret's binary value through UpdateSecret (a new current version).
	 * @param secretId the secret
	 * @param value the new value
	 * @return the new version
	 */
	SecretReference updateValue(String secretId, byte[] value);

	/**
	 * Describe a secret (never its value).
	 * @param secretId the secret
	 * @return its metadata
	 * @throws SecretNotFoundException if it does not exist
	 */
	SecretMetadata describe(String secretId);

	/**
	 * List secrets, fetching pages as the stream is consumed.
	 * @param filters filters that must all match; none lists every secret
	 * @return the secrets; close it or consume it fully
	 */
	default Stream<SecretMetadata> list(SecretFilter... filters) {
		return list(List.of(filters), false);
	}

	/**
	 * List secrets, fetching pages as the stream is consumed.
	 * @param filters filters that must all match
	 * @param includePlannedDeletion whether secrets scheduled for deletion are included
	 * @return the secrets
	 */
	Stream<SecretMetadata> list(List<SecretFilter> filters, boolean includePlannedDeletion);

	/**
	 * Read the current text value.
	 * @param secretId the secret
	 * @return the value
	 * @throws SecretConversionException if the secret is binary
	 */
	default String getString(String secretId) {
		return getString(secretId, VersionSelector.current());
	}

	/**
	 * Read a version's text value.
	 * @param secretId the secret
	 * @param version the version
	 * @return the value
	 * @throws SecretConversionException if the secret is binary
	 */
	String getString(String secretId, VersionSelector version);

	/**
	 * Read the current value as bytes (a binary value, or text in UTF-8).
	 * @param secretId the secret
	 * @return the value
	 */
	default byte[] getBytes(String secretId) {
		return getBytes(secretId, VersionSelector.current());
	}

	/**
	 * Read a version's value as bytes (a binary value, or text in UTF-8).
	 * @param secretId the secret
	 * @param version the version
	 * @return the value
	 */
	byte[] getBytes(String secretId, VersionSelector version);

	/**
	 * Read the current JSON value as a type.
	 * @param <T> the type
	 * @param secretId the secret
	 * @param type a record, POJO, or {@code Map}
	 * @return the value
	 * @throws SecretConversionException if the value is not JSON of that shape
	 */
	default <T> T get(String secretId, Class<T> type) {
		return get(secretId, VersionSelector.current(), type);
	}

	/**
	 * Read a version's JSON value as a type.
	 * @param <T> the type
	 * @param secretId the secret
	 * @param version the version
	 * @param type a record, POJO, or {@code Map}
	 * @return the value
	 * @throws SecretConversionException if the value is not JSON of that shape
	 */
	<T> T get(String secretId, VersionSelector version, Class<T> type);

	/**
	 * Read a version with its identity (version id, stages, creation date).
	 * @param secretId the secret
	 * @param version the version
	 * @return the value
	 */
	SecretValue getValue(String secretId, VersionSelector version);

	/**
	 * Schedule a secret for deletion after the service's default recovery window of 30 days.
	 * @param secretId the secret
	 * @return when it will be deleted
	 */
	SecretDeletion delete(String secretId);

	/**
	 * Schedule a secret for deletion.
	 * @param secretId the secret
	 * @param recoveryWindow the time during which it can be restored, 7 to 30 days
	 * @return when it will be deleted
	 */
	SecretDeletion delete(String secretId, Duration recoveryWindow);

	/**
	 * Delete a secret at once, without a chance to restore it.
	 * @param secretId the secret
	 * @return the deleted secret
	 */
	SecretDeletion deleteWithoutRecovery(String secretId);

	/**
	 * Cancel a scheduled deletion.
	 * @param secretId the secret
	 * @return the restored secret
	 */
	SecretReference restore(String secretId);

	/**
	 * Attach tags, replacing the values of existing keys.
	 * @param secretId the secret
	 * @param tags the tags
	 */
	void tag(String secretId, Map<String, String> tags);

	/**
	 * Remove tags; keys that are not attached are ignored.
	 * @param secretId the secret
	 * @param tagKeys the keys
	 */
	void untag(String secretId, Collection<String> tagKeys);

	/**
	 * Move a staging label to a version, from whichever version carries it now.
	 * @param secretId the secret
	 * @param stage the label, for example {@code AWSCURRENT}
	 * @param toVersionId the version to carry it
	 * @return the secret
	 */
	SecretReference moveStage(String secretId, String stage, String toVersionId);

	/**
	 * Remove a staging label from a version.
	 * @param secretId the secret
	 * @param stage the label
	 * @param fromVersionId the version that carries it
	 * @return the secret
	 */
	SecretReference removeStage(String secretId, String stage, String fromVersionId);

	/**
	 * Generate a random password with the service's defaults.
	 * @return the password
	 */
	default String randomPassword() {
		return randomPassword(PasswordOptions.defaults());
	}

	/**
	 * Generate a random password.
	 * @param options length and character types
	 * @return the password
	 */
	String randomPassword(PasswordOptions options);

	/**
	 * Configure and start rotation.
	 * @param secretId the secret
	 * @param options function, schedule, whether to rotate now
	 * @return the secret and the version the rotation creates
	 */
	SecretReference rotate(String secretId, RotationOptions options);

	/**
	 * Rotate now with the secret's current rotation configuration.
	 * @param secretId the secret
	 * @return the secret and the version the rotation creates
	 */
	default SecretReference rotate(String secretId) {
		return rotate(secretId, RotationOptions.unchanged());
	}

	/**
	 * Turn automatic rotation off and cancel a rotation in progress.
	 * @param secretId the secret
	 * @return the secret, with the version a cancelled rotation was creating if any
	 */
	SecretReference cancelRotation(String secretId);

	/**
	 * Read a secret's resource policy.
	 * @param secretId the secret
	 * @return the policy JSON, or empty when none is attached
	 */
	Optional<String> getResourcePolicy(String secretId);

	/**
	 * Attach a resource policy, refusing policies that grant broad (public) access.
	 * @param secretId the secret
	 * @param policy the policy JSON
	 * @return the secret
	 */
	default SecretReference putResourcePolicy(String secretId, String policy) {
		return putResourcePolicy(secretId, policy, true);
	}

	/**
	 * Attach a resource policy.
	 * @param secretId the secret
	 * @param policy the policy JSON
	 * @param blockPublicPolicy whether to refuse a policy that grants broad access
	 * @return the secret
	 */
	SecretReference putResourcePolicy(String secretId, String policy, boolean blockPublicPolicy);

	/**
	 * Remove a secret's resource policy.
	 * @param secretId the secret
	 * @return the secret
	 */
	SecretReference deleteResourcePolicy(String secretId);

	/**
	 * Validate a resource policy without attaching it.
	 * @param secretId the secret it is meant for, or {@code null}
	 * @param policy the policy JSON
	 * @return the result
	 */
	PolicyValidation validateResourcePolicy(@Nullable String secretId, String policy);

}
