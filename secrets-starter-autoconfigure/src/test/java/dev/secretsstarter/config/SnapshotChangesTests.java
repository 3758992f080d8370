package dev.secretsstarter.config;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.secretsstarter.cache.CaffeineSecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.cache.ServedSnapshots;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last snapshot {@link SnapshotChanges} keeps for an imported key when the cache's
 * notifications of that key arrive in the opposite order (the cache calls listeners outside its
 * lock).
 */
class SnapshotChangesTests {

	private static final SecretKey DB = SecretKey.current("db/credentials");

	private final ServedSnapshots served = new ServedSnapshots(DB);

	private final SnapshotChanges changes = new SnapshotChanges();

	@Test
	void aChangeHeardAfterANewerOneDoesNotTakeTheLatestSnapshotBack() {
		CaffeineSecretCache cache = this.served.cache();
		SecretSnapshot v1 = this.served.serve("v1", password("v1"));
		SecretSnapshot v2 = this.served.serve("v2", password("v2"));
		SecretSnapshot v3 = this.served.serve("v3", password("v3"));
		this.changes.track(DB, v1);
		this.changes.onSnapshotChanged(DB, v2, v3);
		this.changes.onSnapshotChanged(DB, v1, v2);
		assertThat(this.changes.latest(DB)).isSameAs(v3);
	}

	@Test
	void throughTheCacheAChangeHeldOnOneThreadWhileANewerOneIsHeardLeavesTheNewerSnapshot() throws Exception {
		CaffeineSecretCache cache = this.served.cache();
		cache.put(DB, this.served.snapshot("v1", password("v1")));
		this.changes.track(DB, cache.getIfPresent(DB));
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		// Told before SnapshotChanges: the change to v2 reaches it after the change to v3.
		cache.addListener((key, previous, current) -> {
			if (current.versionId().equals("v2")) {
				held.countDown();
				await(release);
			}
		});
		cache.addListener(this.changes);
		ExecutorService thread = Executors.newSingleThreadExecutor();
		try {
			Future<?> toV2 = thread.submit(() -> cache.put(DB, this.served.snapshot("v2", password("v2"))));
			assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
			cache.put(DB, this.served.snapshot("v3", password("v3")));
			release.countDown();
			toV2.get(10, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			thread.shutdownNow();
		}
		assertThat(cache.getIfPresent(DB).versionId()).isEqualTo("v3");
		assertThat(this.changes.latest(DB).versionId()).isEqualTo("v3");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String password(String versionId) {
		return "{\"password\":\"" + versionId + "\"}";
	}

}
