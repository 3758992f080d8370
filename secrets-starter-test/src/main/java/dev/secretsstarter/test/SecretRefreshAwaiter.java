package dev.secretsstarter.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * Waits, with a bound, until the application has picked up a new version of a secret, so a test
 * can rotate a secret and then assert on beans without sleeping.
 * <p>
 * Every new version of a current secret the application sees is recorded from the moment this
 * awaiter exists, per secret id, in order; {@link #awaitRotation} takes the oldest one not yet
 * taken, waiting for it if needed. So it does not matter whether the refresh happened before or
 * after the call. Initial loads are not rotations.
 * <pre>{@code
 * @Autowired SecretRefreshAwaiter refreshes;
 *
 * secrets.rotate("db/credentials", "{\"password\":\"dummy-2\"}");
 * SecretRefreshAwaiter.Rotation rotation = refreshes.awaitRotation("db/credentials", Duration.ofSeconds(10));
 * }</pre>
 * Today it observes the cache's version swaps; when the application publishes rotation events it
 * observes those, with the same API. Thread-safe.
 *
 * @author secrets-starter team
 */
public final class SecretRefreshAwaiter {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition recorded = this.lock.newCondition();

	private final Map<String, Queue<Rotation>> rotations = new HashMap<>();

	private SecretRefreshAwaiter() {
	}

	/**
	 * An awaiter that observes the application's secret cache.
	 * @param cache the cache whose version swaps count as rotations
	 * @return a new awaiter, recording from now on
	 */
	public static SecretRefreshAwaiter forCache(SecretCache cache) {
		SecretRefreshAwaiter awaiter = new SecretRefreshAwaiter();
		cache.addListener(awaiter::onSnapshotChanged);
		return awaiter;
	}

	private void onSnapshotChanged(SecretKey key, @Nullable SecretSnapshot previous, SecretSnapshot current) {
		if (previous == null || current.isSameVersion(previous)
				|| !SecretKey.AWSCURRENT.equals(key.versionStage())) {
			return;
		}
		record(new Rotation(key.secretId(), previous.versionId(), current.versionId()));
	}

	void record(Rotation rotation) {
		this.lock.lock();
		try {
			this.rotations.computeIfAbsent(rotation.secretId(), (id) -> new ArrayDeque<>()).add(rotation);
			this.recorded.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Takes the oldest rotation of the secret not yet taken, waiting up to {@code timeout} for one.
	 * @param secretId the secret id as the application names it
	 * @param timeout the longest wait
	 * @return the rotation: secret id, previous and new version ids (never values)
	 * @throws AssertionError when no rotation arrives in time
	 */
	public Rotation awaitRotation(String secretId, Duration timeout) {
		long remaining = timeout.toNanos();
		this.lock.lock();
		try {
			while (true) {
				Queue<Rotation> queue = this.rotations.get(secretId);
				Rotation next = (queue != null) ? queue.poll() : null;
				if (next != null) {
					return next;
				}
				if (remaining <= 0) {
					throw new AssertionError("Secret '" + secretId + "' was not seen rotating within " + timeout
							+ ". Check that refresh is enabled and polls often enough (secrets.refresh.*), "
							+ "or refresh the cache in the test.");
				}
				remaining = this.recorded.awaitNanos(remaining);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for secret '" + secretId + "' to rotate", ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Forgets every rotation recorded and not yet taken.
	 */
	public void clear() {
		this.lock.lock();
		try {
			this.rotations.clear();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * A new version of a secret that reached the application. Carries ids only, never values.
	 *
	 * @param secretId the secret id
	 * @param previousVersionId the version the application had
	 * @param currentVersionId the version it has now
	 */
	public record Rotation(String secretId, String previousVersionId, String currentVersionId) {
	}

}
