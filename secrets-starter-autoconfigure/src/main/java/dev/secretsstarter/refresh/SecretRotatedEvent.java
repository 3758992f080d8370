package dev.secretsstarter.refresh;

import java.util.Set;

import dev.secretsstarter.cache.SecretKey;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Published when the application starts using a new version of a secret: after the cache swapped
 * to the new snapshot, {@code @SecretValue} fields, setters and handles were updated, and the
 * {@code @ConfigurationProperties} and {@code @RefreshScope} beans that depend on it were rebound
 * or refreshed. So a listener sees every bean already current.
 * <p>
 * Carries names only, never a value: the secret id, the stage or version followed, the previous
 * and the new version id, and the names of the properties whose values changed (added, removed
 * or modified; for an imported secret with its import prefix, otherwise the flattened JSON keys).
 * Immutable and thread-safe.
 *
 * @author secrets-starter team
 */
public final class SecretRotatedEvent extends ApplicationEvent {

	private final SecretKey key;

	private final @Nullable String previousVersionId;

	private final String newVersionId;

	private final Set<String> changedPropertyNames;

	/**
	 * Create an event.
	 * @param source the component that published it
	 * @param key the cache key whose version changed
	 * @param previousVersionId the version served before, or {@code null} if none was
	 * @param newVersionId the version served now
	 * @param changedPropertyNames the names of the changed properties (copied)
	 */
	public SecretRotatedEvent(Object source, SecretKey key, @Nullable String previousVersionId, String newVersionId,
			Set<String> changedPropertyNames) {
		super(source);
		this.key = key;
		this.previousVersionId = previousVersionId;
		this.newVersionId = newVersionId;
		this.changedPropertyNames = Set.copyOf(changedPropertyNames);
	}

	/**
	 * The secret's name or ARN, as the application names it.
	 * @return the secret id
	 */
	public String getSecretId() {
		return this.key.secretId();
	}

	/**
	 * The cache key whose version changed (the secret at a staging label, usually AWSCURRENT).
	 * @return the key
	 */
	public SecretKey getSecretKey() {
		return this.key;
	}

	/**
	 * The version id served before.
	 * @return the previous version id, or {@code null} if none was served
	 */
	public @Nullable String getPreviousVersionId() {
		return this.previousVersionId;
	}

	/**
	 * The version id served now.
	 * @return the new version id
	 */
	public String getNewVersionId() {
		return this.newVersionId;
	}

	/**
	 * The names of the properties whose values differ between the two versions.
	 * @return an immutable set, empty if only the version changed
	 */
	public Set<String> getChangedPropertyNames() {
		return this.changedPropertyNames;
	}

	@Override
	public String toString() {
		return "SecretRotatedEvent[secret=" + this.key + ", previousVersionId=" + this.previousVersionId
				+ ", newVersionId=" + this.newVersionId + ", changedPropertyNames=" + this.changedPropertyNames + "]";
	}

}
