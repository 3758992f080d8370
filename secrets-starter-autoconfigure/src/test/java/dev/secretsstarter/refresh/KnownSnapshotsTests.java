package dev.secretsstarter.refresh;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.secretsstarter.cache.CaffeineSecretCache;
import dev.secretsstarter.cache.SecretCacheListener;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.cache.ServedSnapshots;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link KnownSnapshots} passes on when the cache's notifications of one key arrive in the
 * opposite order (the cache calls listeners outside its lock). The snapshots are the ones a real
 * cache served, so they carry its sequence numbers; the notifications are then made directly, in
 * the order the race produces.
 */
class KnownSnapshotsTests {

	private static final SecretKey DB = SecretKey.current("db/credentials");

	private final ServedSnapshots served = new ServedSnapshots(DB);

	private final KnownSnapshots known = new KnownSnapshots();

	private final List<String> passedOn = new CopyOnWriteArrayList<>();

	@BeforeEach
	void listen() {
		this.known.addListener((key, previous, current) -> this.passedOn
			.add(((previous != null) ? previous.versionId() : "none") + "->" + current.versionId()), () -> Set.of(DB));
	}

	@Test
	void changesOfOneKeyHeardInTheOppositeOrderArePassedOnAsOneChangeFromTheVersionPassedOnLast() {
		CaffeineSecretCache cache = this.served.cache();
		SecretSnapshot v1 = this.served.serve("v1", password("v1"));
		SecretSnapshot v2 = this.served.serve("v2", password("v2"));
		SecretSnapshot v3 = this.served.serve("v3", password("v3"));
		this.known.onSnapshotChanged(DB, null, v1);
		this.known.onSnapshotChanged(DB, v2, v3);
		this.known.onSnapshotChanged(DB, v1, v2);
		assertThat(this.passedOn).containsExactly("none->v1", "v1->v3");
	}

	@Test
	void aReloadAfterAnEvictionAtTheNewestVersionIsNoChangeAfterChangesHeardInTheOppositeOrder() {
		CaffeineSecretCache cache = this.served.cache();
		SecretSnapshot v1 = this.served.serve("v1", password("v1"));
		SecretSnapshot v2 = this.served.serve("v2", password("v2"));
		SecretSnapshot v3 = this.served.serve("v3", password("v3"));
		this.known.onSnapshotChanged(DB, null, v1);
		this.known.onSnapshotChanged(DB, v2, v3);
		this.known.onSnapshotChanged(DB, v1, v2);
		this.passedOn.clear();
		// Evicted, then loaded again (a first load for the cache) at the version it had.
		this.known.onSnapshotChanged(DB, null, new ServedSnapshots(DB).serve("v3", password("v3")));
		assertThat(this.passedOn).isEmpty();
	}

	@Test
	void throughTheCacheAChangeHeldOnOneThreadWhileANewerOneIsHeardIsNotPassedOnAfterIt() throws Exception {
		CaffeineSecretCache cache = this.served.cache();
		cache.put(DB, this.served.snapshot("v1", password("v1")));
		HeldListener held = new HeldListener("v2");
		// Told before KnownSnapshots: the change to v2 reaches it after the change to v3.
		cache.addListener(held);
		this.known.attach(cache);
		this.known.seed(DB, cache.getIfPresent(DB));
		ExecutorService thread = Executors.newSingleThreadExecutor();
		try {
			Future<?> toV2 = thread.submit(() -> cache.put(DB, this.served.snapshot("v2", password("v2"))));
			assertThat(held.held.await(10, TimeUnit.SECONDS)).isTrue();
			cache.put(DB, this.served.snapshot("v3", password("v3")));
			held.release.countDown();
			toV2.get(10, TimeUnit.SECONDS);
		}
		finally {
			held.release.countDown();
			thread.shutdownNow();
		}
		assertThat(this.passedOn).containsExactly("v1->v3");
	}

	/**
	 * Holds the notification of one version on the thread that made the change until released.
	 */
	static final class HeldListener implements SecretCacheListener {

		final CountDownLatch held = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		private final String versionId;

		HeldListener(String versionId) {
			this.versionId = versionId;
		}

		@Override
		public void onSnapshotChanged(SecretKey key, @Nullable SecretSnapshot previous, SecretSnapshot current) {
			if (current.versionId().equals(this.versionId)) {
				this.held.countDown();
				try {
					this.release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

	private static String password(String versionId) {
		return "{\"password\":\"" + versionId + "\"}";
	}

}
