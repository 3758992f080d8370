package dev.secretsstarter.refresh;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretFailureKind;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.core.SecretsException;
import org.jspecify.annotations.Nullable;

/**
 * Collects what the checks of one poll found. Confined to the poll's thread.
 */
final class PollOutcome {

	private final SecretPollResult.Trigger trigger;

	private final Instant startedAt;

	private int checked;

	private int changed;

	private final Map<SecretKey, String> failures = new LinkedHashMap<>();

	private final Set<SecretKey> answered = new HashSet<>();

	private @Nullable SecretFailureKind lastFailureKind;

	PollOutcome(SecretPollResult.Trigger trigger, Instant startedAt) {
		this.trigger = trigger;
		this.startedAt = startedAt;
	}

	void unchanged(SecretKey key) {
		this.checked++;
		this.answered.add(key);
	}

	void changed(SecretKey key) {
		this.checked++;
		this.changed++;
		this.answered.add(key);
	}

	void failed(SecretKey key, String reason, SecretFailureKind kind) {
		this.checked++;
		this.failures.put(key, reason);
		this.answered.add(key);
		this.lastFailureKind = kind;
	}

	/**
	 * Record a check that failed: the cache marks the key failed (it is served stale, with
	 * backoff) and the poll counts it, unless the failure only says the secret still does not
	 * exist ({@link #stillAbsent}).
	 * @param cache the cache holding the key
	 * @param key the key
	 * @param failure why the check failed
	 */
	void failed(SecretCache cache, SecretKey key, SecretsException failure) {
		SecretFailureKind kind = kindOf(failure);
		if (stillAbsent(kind, cache.getIfPresent(key))) {
			unchanged(key);
			return;
		}
		cache.markFailed(key, failure);
		failed(key, String.valueOf(failure.getMessage()), kind);
	}

	/**
	 * Whether a failed check only says that a secret still does not exist: not found, and nothing
	 * of it cached (an optional {@code @SecretValue} whose secret is not created yet). That is an
	 * answer, not a failure: nothing is served stale, polling need not back off, health has
	 * nothing to report, and the poll after the secret appears loads it.
	 * @param kind the kind of the failure
	 * @param cached what the cache holds for the key, or {@code null}
	 * @return whether to count the check as unchanged rather than failed
	 */
	static boolean stillAbsent(SecretFailureKind kind, @Nullable SecretSnapshot cached) {
		return kind == SecretFailureKind.NOT_FOUND && cached == null;
	}

	/**
	 * Whether a key's check has reported.
	 * @param key the key
	 * @return whether its check reported an outcome
	 */
	boolean isAnswered(SecretKey key) {
		return this.answered.contains(key);
	}

	/**
	 * The kind of the last failed check.
	 * @return the kind, or {@code null} if no check failed
	 */
	@Nullable SecretFailureKind lastFailureKind() {
		return this.lastFailureKind;
	}

	SecretPollResult result(Instant finishedAt) {
		return new SecretPollResult(this.trigger, this.startedAt, finishedAt, this.checked, this.changed, this.failures);
	}

	/**
	 * Classify a check's failure: by the AWS error anywhere in its cause chain, else by the error
	 * code a per-secret batch error carries.
	 * @param failure the failure
	 * @return the kind
	 */
	static SecretFailureKind kindOf(Throwable failure) {
		SecretFailureKind kind = SecretFailureKind.of(failure);
		if (kind == SecretFailureKind.OTHER && failure instanceof SecretsException secrets
				&& secrets.getErrorCode() != null) {
			return SecretFailureKind.ofErrorCode(secrets.getErrorCode(), 0);
		}
		return kind;
	}

}
