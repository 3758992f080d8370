package dev.secretsstarter.core;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Optional settings of a new secret. Start from {@link #none()} and add what is needed.
 * <p>
 * Immutable and thread-safe.
 *
 * <pre class="code">
 * operations.create("api/key", value, CreateSecretOptions.none().description("Payment API").tag("team", "pay"));
 * </pre>
 *
 * @param description the description, or {@code null}
 * @param kmsKeyId the KMS key to encrypt with, or {@code null} for the AWS managed key
 * @param tags tags to attach
 * @author secrets-starter team
 */
public record CreateSecretOptions(@Nullable String description, @Nullable String kmsKeyId, Map<String, String> tags) {

	/**
	 * Create options; the tags are copied.
	 */
	public CreateSecretOptions {
		tags = Map.copyOf(tags);
	}

	/**
	 * No description, the AWS managed key, no tags.
	 * @return the options
	 */
	public static CreateSecretOptions none() {
		return new CreateSecretOptions(null, null, Map.of());
	}

	/**
	 * These options with a description.
	 * @param description the description
	 * @return new options
	 */
	public CreateSecretOptions description(String description) {
		return new CreateSecretOptions(description, this.kmsKeyId, this.tags);
	}

	/**
	 * These options with a KMS key.
	 * @param kmsKeyId the key id, ARN or alias
	 * @return new options
	 */
	public CreateSecretOptions kmsKeyId(String kmsKeyId) {
		return new CreateSecretOptions(this.description, kmsKeyId, this.tags);
	}

	/**
	 * These options with one more tag.
	 * @param key the tag key
	 * @param value the tag value
	 * @return new options
	 */
	public CreateSecretOptions tag(String key, String value) {
		Map<String, String> tags = new LinkedHashMap<>(this.tags);
		tags.put(key, value);
		return new CreateSecretOptions(this.description, this.kmsKeyId, tags);
	}

}
