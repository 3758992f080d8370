package dev.secretsstarter.cache;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Identifies one cached secret value: a secret (name or ARN) at a version stage or a version id.
 * Exactly one of {@code versionStage} and {@code versionId} is set; the common case is
 * {@link #current(String) AWSCURRENT}.
 *
 * @param secretId the secret name or ARN, as the application names it
 * @param versionStage the staging label, or {@code null} when a version id is given
 * @param versionId the version id, or {@code null} when a stage is given
 * @author secrets-starter team
 */
public record SecretKey(String secretId, @Nullable String versionStage, @Nullable String versionId) {

	/** The staging label of the current version. */
	public static final String AWSCURRENT = "AWSCURRENT";

	/** The staging label of the previous version. */
	public static final String AWSPREVIOUS = "AWSPREVIOUS";

	/** The staging label of a version being rotated in. */
	public static final String AWSPENDING = "AWSPENDING";

	public SecretKey {
		Assert.hasText(secretId, "'secretId' must not be empty");
		Assert.isTrue((versionStage == null) != (versionId == null),
				"Exactly one of 'versionStage' and 'versionId' must be given");
	}

	/**
	 * The AWSCURRENT version of a secret.
	 * @param secretId the secret name or ARN
	 * @return the key
	 */
	public static SecretKey current(String secretId) {
		return new SecretKey(secretId, AWSCURRENT, null);
	}

	/**
	 * A secret at a staging label.
	 * @param secretId the secret name or ARN
	 * @param versionStage the staging label
	 * @return the key
	 */
	public static SecretKey stage(String secretId, String versionStage) {
		return new SecretKey(secretId, versionStage, null);
	}

	/**
	 * A secret at a fixed version id.
	 * @param secretId the secret name or ARN
	 * @param versionId the version id
	 * @return the key
	 */
	public static SecretKey version(String secretId, String versionId) {
		return new SecretKey(secretId, null, versionId);
	}

	/**
	 * Whether this key follows a staging label (and so can change when the secret rotates),
	 * rather than naming a fixed version.
	 * @return whether the key names a stage
	 */
	public boolean isStaged() {
		return this.versionStage != null;
	}

	@Override
	public String toString() {
		return this.secretId + ((this.versionStage != null) ? "@" + this.versionStage : "#" + this.versionId);
	}

}
