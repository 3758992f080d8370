package dev.secretsstarter.refresh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The second half of {@link SecretsRefresher}: takes the version changes the cache reported into
 * use. Changes are queued from any thread; {@link #apply()} merges them per key (a secret that
 * changed twice since the last apply is one change, from the first previous version to the last
 * current one, also when the two arrived in the opposite order; a change back to the same
 * version is none), drops a change that arrived after a newer one of its key was already applied
 * (by {@link SecretSnapshot#sequence() sequence}), works out the changed property names,
 * refreshes the dependent beans <em>once</em> for all of them, and only then publishes one
 * {@link SecretRotatedEvent} per key, so that listeners find every bean current.
 * <p>
 * {@link #apply()} runs on the refresher's thread only; {@link #add} is thread-safe. Logs under
 * {@code SecretsRefresher}'s category, where the rotation lines have always been.
 *
 * @author secrets-starter team
 */
final class RotationApplier {

	private static final Log logger = LogFactory.getLog(SecretsRefresher.class);

	private static final int APPLIED_KEYS = 1024;

	private final Object eventSource;

	private final PropertyChangeTracker tracker;

	private final BeanRefresher beans;

	private final ApplicationEventPublisher publisher;

	private final Queue<Change> pending = new ConcurrentLinkedQueue<>();

	// The highest sequence applied per key, so that a change overtaken by a newer one applied in
	// an earlier apply is not applied after it. A late change arrives right after the one that
	// overtook it: the keys changed last are enough. Confined to the thread calling apply().
	private final Map<SecretKey, Long> applied = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<SecretKey, Long> eldest) {
			return size() > APPLIED_KEYS;
		}

	};

	RotationApplier(Object eventSource, PropertyChangeTracker tracker, BeanRefresher beans,
			ApplicationEventPublisher publisher) {
		this.eventSource = eventSource;
		this.tracker = tracker;
		this.beans = beans;
		this.publisher = publisher;
	}

	void add(Change change) {
		this.pending.add(change);
	}

	/**
	 * Take every queued change into use.
	 * @return the number of rotations (events published)
	 */
	int apply() {
		Map<SecretKey, List<Change>> queued = new LinkedHashMap<>();
		for (Change change = this.pending.poll(); change != null; change = this.pending.poll()) {
			queued.computeIfAbsent(change.key(), (key) -> new ArrayList<>()).add(change);
		}
		Map<SecretKey, Change> changes = new LinkedHashMap<>();
		queued.forEach((key, keyChanges) -> {
			Long last = this.applied.get(key);
			keyChanges.removeIf((change) -> last != null && change.current().sequence() != 0
					&& change.current().sequence() <= last);
			if (!keyChanges.isEmpty()) {
				changes.put(key, merge(key, keyChanges));
				keyChanges.stream()
					.mapToLong((change) -> change.current().sequence())
					.max()
					.ifPresent((newest) -> this.applied.merge(key, newest, Math::max));
			}
		});
		changes.values().removeIf((change) -> change.previous().isSameVersion(change.current()));
		if (changes.isEmpty()) {
			return 0;
		}
		Set<String> environmentNames = new LinkedHashSet<>();
		Map<SecretKey, Set<String>> names = this.tracker.changedNames(changes, environmentNames);
		try {
			this.beans.refresh(Set.copyOf(changes.keySet()), environmentNames);
		}
		catch (RuntimeException ex) {
			// Not the exception itself: a binder's messages quote the new value that did not fit.
			logger.warn("Refreshing beans after a secret rotation failed; @SecretValue sites, handles and the "
					+ "Environment are current, other beans may not be (value not shown): "
					+ RefreshFailures.describe(ex));
		}
		changes.forEach((key, change) -> {
			SecretRotatedEvent event = new SecretRotatedEvent(this.eventSource, key, change.previous().versionId(),
					change.current().versionId(), names.getOrDefault(key, Set.of()));
			if (logger.isInfoEnabled()) {
				logger.info("Secret '" + key + "' rotated from version " + event.getPreviousVersionId() + " to "
						+ event.getNewVersionId() + "; changed properties: " + event.getChangedPropertyNames());
			}
			try {
				this.publisher.publishEvent(event);
			}
			catch (RuntimeException ex) {
				logger.warn("A listener of " + event + " failed", ex);
			}
		});
		return changes.size();
	}

	/**
	 * One change from the changes of a key queued since the last apply. The cache tells its
	 * listeners after the swap, outside its lock, so changes made on two threads may arrive in the
	 * opposite order (v2 to v3, then v1 to v2): the merged change runs from the previous snapshot
	 * of the oldest change to the current snapshot of the newest, by sequence. Without sequences
	 * (snapshots no cache served), from the version no other change led to, to the version no other
	 * change left, whatever the order of arrival; when there is no such version (the changes went
	 * back and forth), the first previous and the last current, in order of arrival.
	 */
	static Change merge(SecretKey key, List<Change> changes) {
		if (changes.size() == 1) {
			return changes.get(0);
		}
		if (changes.stream().allMatch((change) -> change.current().sequence() != 0)) {
			List<Change> ordered = changes.stream()
				.sorted(Comparator.comparingLong((Change change) -> change.current().sequence()))
				.toList();
			return new Change(key, ordered.get(0).previous(), ordered.get(ordered.size() - 1).current());
		}
		SecretSnapshot previous = changes.get(0).previous();
		for (Change change : changes) {
			if (changes.stream()
				.noneMatch((other) -> other != change && other.current().isSameVersion(change.previous()))) {
				previous = change.previous();
				break;
			}
		}
		SecretSnapshot current = changes.get(changes.size() - 1).current();
		for (int i = changes.size() - 1; i >= 0; i--) {
			Change change = changes.get(i);
			if (changes.stream()
				.noneMatch((other) -> other != change && other.previous().isSameVersion(change.current()))) {
				current = change.current();
				break;
			}
		}
		return new Change(key, previous, current);
	}

	/**
	 * A version change the cache reported.
	 * @param key the cache key
	 * @param previous the snapshot served before
	 * @param current the snapshot served now
	 */
	record Change(SecretKey key, SecretSnapshot previous, SecretSnapshot current) {

		@Override
		public String toString() {
			return "Change[" + this.key + ", " + this.previous.versionId() + " -> " + this.current.versionId() + "]";
		}

	}

}
