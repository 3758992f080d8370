package dev.secretsstarter.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.secretsstarter.core.SecretNotFoundException;
import dev.secretsstarter.core.SecretsException;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class CaffeineSecretCacheIntegrationTests {

	private static final String MARKER = "marker-value-7f3a";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private LocalSecretsManager server;

	private SecretsManagerClient client;

	private CaffeineSecretCache cache;

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.client = LocalClients.builder(this.server)
			.overrideConfiguration((override) -> override.retryStrategy(RetryMode.STANDARD)
				.retryStrategy((strategy) -> strategy.maxAttempts(1)))
			.build();
		SecretCacheProperties properties = new SecretCacheProperties();
		properties.setMaxStaleness(Duration.ofHours(1));
		// No jitter: the wait after n failures is exactly half the nominal delay.
		this.cache = new CaffeineSecretCache(this.client, properties, this.clock,
				new Backoff(properties.getBackoff(), () -> 0.0));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.close();
	}

	@Test
	void concurrentMissesOfOneSecretMakeOneCall() throws Exception {
		this.server.createSecret("db/credentials", "{\"password\":\"" + MARKER + "\"}");
		this.server.faults().latency("GetSecretValue", Duration.ofMillis(200));
		this.server.requests().reset();
		int threads = 8;
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<SecretSnapshot>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(executor.submit(() -> {
					ready.countDown();
					go.await();
					return this.cache.get(SecretKey.current("db/credentials"));
				}));
			}
			ready.await(10, TimeUnit.SECONDS);
			go.countDown();
			for (Future<SecretSnapshot> result : results) {
				assertThat(result.get(10, TimeUnit.SECONDS).stringValue()).contains(MARKER);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.server.requests().count("GetSecretValue")).isEqualTo(1);
	}

	@Test
	void readOfACachedValueMakesNoCall() {
		this.server.createSecret("api/key", MARKER);
		SecretSnapshot first = this.cache.get(SecretKey.current("api/key"));
		this.server.requests().reset();
		assertThat(this.cache.get(SecretKey.current("api/key"))).isSameAs(first);
		assertThat(this.server.requests().counts()).isEmpty();
	}

	@Test
	void everySnapshotServedForAKeyIsNumberedAfterTheOneItReplacedHoweverItWasLoaded() {
		SecretKey key = SecretKey.current("api/key");
		this.server.createSecret("api/key", "one");
		SecretSnapshot batchLoaded = this.cache.getAll(List.of(key)).get(key);
		this.server.putSecretValue("api/key", "two");
		SecretSnapshot refreshed = this.cache.refresh(key);
		this.cache.put(key, SecretSnapshot.ofString("api/key", refreshed.arn(), "v3", Set.of("AWSCURRENT"), null,
				this.clock.instant(), "three"));
		SecretSnapshot put = this.cache.getIfPresent(key);
		this.server.createSecret("other/key", "one");
		SecretSnapshot loaded = this.cache.get(SecretKey.current("other/key"));
		assertThat(batchLoaded.sequence()).isPositive();
		assertThat(batchLoaded.isOlderThan(refreshed)).isTrue();
		assertThat(refreshed.isOlderThan(put)).isTrue();
		assertThat(put.isOlderThan(loaded)).isTrue();
	}

	@Test
	void listenersAreToldOfTheNumberedSnapshotTheCacheServes() {
		SecretKey key = SecretKey.current("api/key");
		List<SecretSnapshot> heard = new ArrayList<>();
		this.cache.addListener((k, previous, current) -> heard.add(current));
		this.cache.put(key, SecretSnapshot.ofString("api/key", "arn:api/key", "v1", Set.of("AWSCURRENT"), null,
				this.clock.instant(), "one"));
		assertThat(heard).singleElement().isSameAs(this.cache.getIfPresent(key));
		assertThat(heard.get(0).sequence()).isPositive();
	}

	@Test
	void missingSecretFailsWithNotFoundNamingTheSecret() {
		assertThatExceptionOfType(SecretNotFoundException.class)
			.isThrownBy(() -> this.cache.get(SecretKey.current("no/such")))
			.withMessageContaining("no/such")
			.withMessageContaining("was not found");
	}

	@Test
	void failedRefreshKeepsServingTheOldValue() {
		SecretKey key = SecretKey.current("api/key");
		this.server.createSecret("api/key", MARKER);
		SecretSnapshot cached = this.cache.get(key);
		this.server.faults().fail("GetSecretValue", "InternalServiceError", 500, 1);
		assertThat(this.cache.refresh(key)).isSameAs(cached);
		assertThat(this.cache.status(key).isStale()).isTrue();
		assertThat(this.cache.status(key).lastFailure()).contains("api/key").doesNotContain(MARKER);
	}

	@Test
	void refreshFailureIsLoggedNamingTheSecretWithoutItsValue(CapturedOutput output) {
		SecretKey key = SecretKey.current("api/key");
		this.server.createSecret("api/key", MARKER);
		this.cache.get(key);
		this.server.faults().throttle("GetSecretValue", 1);
		this.cache.refresh(key);
		assertThat(output).contains("Refreshing secret 'api/key@AWSCURRENT' failed")
			.contains("secrets.cache.max-staleness")
			.doesNotContain(MARKER);
	}

	@Test
	void refreshDuringBackoffReturnsTheStaleValueWithoutACall() {
		SecretKey key = SecretKey.current("api/key");
		this.server.createSecret("api/key", MARKER);
		SecretSnapshot cached = this.cache.get(key);
		this.server.faults().fail("GetSecretValue", "InternalServiceError", 500, 1);
		this.cache.refresh(key);
		this.server.requests().reset();
		this.clock.advance(Duration.ofMillis(400));
		assertThat(this.cache.refresh(key)).isSameAs(cached);
		assertThat(this.server.requests().count("GetSecretValue")).isZero();
	}

	@Test
	void refreshAfterBackoffCallsAgainAndClearsTheFailure() {
		SecretKey key = SecretKey.current("api/key");
		this.server.createSecret("api/key", MARKER);
		this.cache.get(key);
		this.server.faults().fail("GetSecretValue", "InternalServiceError", 500, 1);
		this.cache.refresh(key);
		this.server.requests().reset();
		this.clock.advance(Duration.ofSeconds(1));
		this.cache.refresh(key);
		assertThat(this.server.requests().count("GetSecretValue")).isEqualTo(1);
		assertThat(this.cache.status(key).isStale()).isFalse();
	}

	@Test
	void backoffGrowsWithEachConsecutiveFailure() {
		SecretKey key = SecretKey.current("api/key");
		this.server.createSecret("api/key", MARKER);
		this.cache.get(key);
		this.server.faults().fail("GetSecretValue", "InternalServiceError", 500, 2);
		this.cache.refresh(key);
		this.clock.advance(Duration.ofMillis(500));
		this.cache.refresh(key);
		this.server.requests().reset();
		this.clock.advance(Duration.ofMillis(600));
		this.cache.refresh(key);
		assertThat(this.server.requests().count("GetSecretValue")).isZero();
	}

	@Test
	void valueStaleBeyondMaxStalenessIsRefreshedOnGet() {
		SecretKey key = SecretKey.current("api/key");
		this.server.createSecret("api/key", "v1");
		this.cache.get(key);
		this.server.putSecretValue("api/key", "v2");
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.cache.get(key).stringValue()).isEqualTo("v2");
	}

	@Test
	void valueStaleBeyondMaxStalenessFailsClearlyWhenRefreshFails() {
		SecretKey key = SecretKey.current("api/key");
		this.server.createSecret("api/key", MARKER);
		this.cache.get(key);
		this.clock.advance(Duration.ofHours(2));
		this.server.faults().fail("GetSecretValue", "InternalServiceError", 500, 1);
		assertThatExceptionOfType(SecretsException.class).isThrownBy(() -> this.cache.get(key))
			.withMessageContaining("api/key")
			.withMessageContaining("too stale")
			.withMessageContaining("secrets.cache.max-staleness")
			.withMessageContaining("InternalServiceError")
			.withMessageNotContaining(MARKER);
	}

	@Test
	void markFailedKeepsTheValueUntilMaxStaleness() {
		SecretKey key = SecretKey.current("api/key");
		this.server.createSecret("api/key", MARKER);
		SecretSnapshot cached = this.cache.get(key);
		this.cache.markFailed(key, new IllegalStateException("check failed"));
		this.clock.advance(Duration.ofMinutes(59));
		this.server.requests().reset();
		assertThat(this.cache.get(key)).isSameAs(cached);
		assertThat(this.server.requests().counts()).isEmpty();
	}

	@Test
	void markVerifiedExtendsFreshness() {
		SecretKey key = SecretKey.current("api/key");
		this.server.createSecret("api/key", MARKER);
		this.cache.get(key);
		this.clock.advance(Duration.ofMinutes(50));
		this.cache.markVerified(key);
		this.clock.advance(Duration.ofMinutes(50));
		this.server.requests().reset();
		this.cache.get(key);
		assertThat(this.server.requests().counts()).isEmpty();
	}

	@Test
	void listenersHearOfVersionChangesOnly() {
		SecretKey key = SecretKey.current("api/key");
		this.server.createSecret("api/key", "v1");
		List<String> changes = new ArrayList<>();
		this.cache.addListener((k, previous, current) -> changes
			.add(((previous != null) ? previous.versionId() : "none") + "->" + current.versionId()));
		SecretSnapshot first = this.cache.get(key);
		assertThat(this.cache.refresh(key)).isSameAs(first);
		this.server.putSecretValue("api/key", "v2");
		SecretSnapshot second = this.cache.refresh(key);
		assertThat(changes).containsExactly("none->" + first.versionId(),
				first.versionId() + "->" + second.versionId());
	}

	@Test
	void failingListenerDoesNotBreakTheCache() {
		SecretKey key = SecretKey.current("api/key");
		this.server.createSecret("api/key", "v1");
		List<SecretKey> heard = new ArrayList<>();
		this.cache.addListener((k, previous, current) -> {
			throw new IllegalStateException("boom");
		});
		this.cache.addListener((k, previous, current) -> heard.add(k));
		assertThat(this.cache.get(key).stringValue()).isEqualTo("v1");
		assertThat(heard).containsExactly(key);
	}

	@Test
	void fixedVersionIsServedWithoutRefreshHoweverOld() {
		this.server.createSecret("api/key", "v1");
		String versionId = this.cache.get(SecretKey.current("api/key")).versionId();
		SecretKey fixed = SecretKey.version("api/key", versionId);
		this.cache.get(fixed);
		this.clock.advance(Duration.ofDays(30));
		this.server.requests().reset();
		assertThat(this.cache.get(fixed).stringValue()).isEqualTo("v1");
		assertThat(this.server.requests().counts()).isEmpty();
	}

	@Test
	void previousStageIsLoaded() {
		this.server.createSecret("api/key", "v1");
		this.server.putSecretValue("api/key", "v2");
		assertThat(this.cache.get(SecretKey.stage("api/key", SecretKey.AWSPREVIOUS)).stringValue()).isEqualTo("v1");
	}

}
