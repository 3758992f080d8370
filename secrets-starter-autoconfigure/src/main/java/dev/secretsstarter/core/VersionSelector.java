package dev.secretsstarter.core;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Selects a version of a secret: by staging label or by version id.
 * <p>
 * Immutable and thread-safe.
 *
 * <pre class="code">
 * operations.getString("db/credentials", VersionSelector.previous());
 * operations.getString("db/credentials", VersionSelector.versionId("a1b2…"));
 * </pre>
 *
 * @param stage the staging label, or {@code null} when selecting by version id
 * @param versionId the version id, or {@code null} when selecting by staging label
 * @author secrets-starter team
 */
public record VersionSelector(@Nullable String stage, @Nullable String versionId) {

	/** The staging label of the current version. */
	public static final String AWSCURRENT = "AWSCURRENT";

	/** The staging label of the version before the current one. */
	public static final String AWSPREVIOUS = "AWSPREVIOUS";

	/** The staging label of the version a rotation is creating. */
	public static final String AWSPENDING = "AWSPENDING";

	/**
	 * Create a selector; exactly one of the two must be given.
	 * @param stage the staging label
	 * @param versionId the version id
	 */
	public VersionSelector {
		Assert.isTrue((stage == null) != (versionId == null), "Exactly one of stage and versionId must be given");
	}

	/**
	 * The current version ({@code AWSCURRENT}).
	 * @return the selector
	 */
	public static VersionSelector current() {
		return stage(AWSCURRENT);
	}

	/**
	 * The previous version ({@code AWSPREVIOUS}).
	 * @return the selector
	 */
	public static VersionSelector previous() {
		return stage(AWSPREVIOUS);
	}

	/**
	 * The pending version of a rotation ({@code AWSPENDING}).
	 * @return the selector
	 */
	public static VersionSelector pending() {
		return stage(AWSPENDING);
	}

	/**
	 * The version that carries a staging label.
	 * @param stage the staging label
	 * @return the selector
	 */
	public static VersionSelector stage(String stage) {
		return new VersionSelector(stage, null);
	}

	/**
	 * The version with an id.
	 * @param versionId the version id
	 * @return the selector
	 */
	public static VersionSelector versionId(String versionId) {
		return new VersionSelector(null, versionId);
	}

	@Override
	public String toString() {
		return (this.stage != null) ? "stage " + this.stage : "version " + this.versionId;
	}

}
