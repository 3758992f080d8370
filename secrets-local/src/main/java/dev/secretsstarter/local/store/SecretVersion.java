package dev.secretsstarter.local.store;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One version of a secret: an immutable value and its mutable staging labels. Guarded by the
 * {@link SecretStore} lock.
 */
public final class SecretVersion {

	private final String id;

	private final @Nullable SecretValue value;

	private final Instant created;

	private final Set<String> stages = new LinkedHashSet<>();

	private @Nullable Instant lastAccessed;

	public SecretVersion(String id, @Nullable SecretValue value, Instant created) {
		this.id = id;
		this.value = value;
		this.created = created;
	}

	public String id() {
		return this.id;
	}

	public @Nullable SecretValue value() {
		return this.value;
	}

	public Instant created() {
		return this.created;
	}

	/** @return the live, mutable set of labels (guarded by the store lock) */
	public Set<String> stages() {
		return this.stages;
	}

	public boolean deprecated() {
		return this.stages.isEmpty();
	}

	public @Nullable Instant lastAccessed() {
		return this.lastAccessed;
	}

	public void accessed(Instant when) {
		this.lastAccessed = when;
	}

	@Override
	public String toString() {
		return "SecretVersion[" + this.id + " " + this.stages + "]";
	}

}
