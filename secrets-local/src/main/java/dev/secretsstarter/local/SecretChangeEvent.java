package dev.secretsstarter.local;

import org.jspecify.annotations.Nullable;

/**
 * An immutable notice that a secret changed. It never carries a value, so it is safe to log.
 *
 * @param type what kind of change
 * @param name the secret name
 * @param arn the secret ARN
 * @param currentVersionId the version labelled AWSCURRENT after the change, if any
 * @param operation the API operation that caused it, e.g. {@code PutSecretValue}
 */
public record SecretChangeEvent(Type type, String name, String arn, @Nullable String currentVersionId,
		String operation) {

	/** The kind of change. */
	public enum Type {

		/** A secret was created. */
		CREATED,

		/** The version labelled AWSCURRENT changed, so readers of the current value see a new value. */
		VALUE_CHANGED,

		/** Labels moved or a version was added without AWSCURRENT moving (e.g. AWSPENDING). */
		STAGES_CHANGED,

		/** Description, tags, policy, rotation or replication settings changed. */
		METADATA_CHANGED,

		/** The secret was scheduled for deletion or deleted. */
		DELETED,

		/** A secret scheduled for deletion was restored. */
		RESTORED

	}

}
