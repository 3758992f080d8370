package dev.secretsstarter.refresh;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.secretsstarter.cache.SecretKey;

/**
 * Collects what the checks of one poll found. Confined to the poll's thread.
 */
final class PollOutcome {

	private final SecretPollResult.Trigger trigger;

	private final Instant startedAt;

	private int checked;

	private int changed;

	private final Map<SecretKey, String> failures = new LinkedHashMap<>();

	PollOutcome(SecretPollResult.Trigger trigger, Instant startedAt) {
		this.trigger = trigger;
		this.startedAt = startedAt;
	}

	void unchanged(SecretKey key) {
		this.checked++;
	}

	void changed(SecretKey key) {
		this.checked++;
		this.changed++;
	}

	void failed(SecretKey key, String reason) {
		this.checked++;
		this.failures.put(key, reason);
	}

	SecretPollResult result(Instant finishedAt) {
		return new SecretPollResult(this.trigger, this.startedAt, finishedAt, this.checked, this.changed, this.failures);
	}

}
