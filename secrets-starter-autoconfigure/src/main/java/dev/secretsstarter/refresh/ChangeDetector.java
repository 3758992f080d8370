package dev.secretsstarter.refresh;

import java.util.Collection;

import dev.secretsstarter.cache.SecretKey;

/**
 * One way to find out which tracked keys have a new version, and to bring the cache up to date:
 * an unchanged key is {@code markVerified}, a changed one gets its new snapshot (the cache then
 * notifies its listeners), a failed check is {@code markFailed} and keeps its value.
 */
interface ChangeDetector {

	/**
	 * Check keys, all staged (a version id never changes).
	 * @param keys the keys
	 * @param outcome receives the result of each check
	 */
	void detect(Collection<SecretKey> keys, PollOutcome outcome);

}
