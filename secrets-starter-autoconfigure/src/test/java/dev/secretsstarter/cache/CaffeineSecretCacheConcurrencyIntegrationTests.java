package dev.secretsstarter.cache;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache under concurrent writers: a GetSecretValue answer is held back (in the client, after
 * the service answered) while another thread changes the cache.
 */
class CaffeineSecretCacheConcurrencyIntegrationTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final HoldBack holdBack = new HoldBack();

	private LocalSecretsManager server;

	private SecretsManagerClient client;

	private SecretsManagerClient otherClient;

	private CaffeineSecretCache cache;

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.client = LocalClients.builder(this.server)
			.overrideConfiguration((override) -> override.addExecutionInterceptor(this.holdBack)
				.retryStrategy((strategy) -> strategy.maxAttempts(1)))
			.build();
		this.otherClient = LocalClients.builder(this.server).build();
		this.cache = new CaffeineSecretCache(this.client, new SecretCacheProperties(), this.clock);
	}

	@AfterEach
	void stop() {
		this.holdBack.release.countDown();
		this.client.close();
		this.otherClient.close();
		this.server.close();
	}

	@Test
	void refreshThatReadTheOldVersionDoesNotUndoANewerVersionPutMeanwhile() throws Exception {
		SecretKey key = SecretKey.current("api/key");
		this.server.createSecret("api/key", "v1");
		SecretSnapshot first = this.cache.get(key);
		this.holdBack.arm();
		CompletableFuture<SecretSnapshot> refresh = CompletableFuture.supplyAsync(() -> this.cache.refresh(key));
		assertThat(this.holdBack.held.await(10, TimeUnit.SECONDS)).isTrue();
		this.server.putSecretValue("api/key", "v2");
		SecretSnapshot second = snapshotOf("api/key");
		this.cache.put(key, second);
		this.holdBack.release.countDown();
		refresh.get(10, TimeUnit.SECONDS);
		assertThat(first.stringValue()).isEqualTo("v1");
		assertThat(this.cache.get(key).versionId()).isEqualTo(second.versionId());
	}

	@Test
	void refreshThatReadTheOldVersionDoesNotTellListenersOfAChangeBackToIt() throws Exception {
		SecretKey key = SecretKey.current("api/key");
		this.server.createSecret("api/key", "v1");
		this.cache.get(key);
		List<String> heard = new CopyOnWriteArrayList<>();
		this.cache.addListener((k, previous, current) -> heard.add(current.stringValue()));
		this.holdBack.arm();
		CompletableFuture<SecretSnapshot> refresh = CompletableFuture.supplyAsync(() -> this.cache.refresh(key));
		assertThat(this.holdBack.held.await(10, TimeUnit.SECONDS)).isTrue();
		this.server.putSecretValue("api/key", "v2");
		this.cache.put(key, snapshotOf("api/key"));
		this.holdBack.release.countDown();
		refresh.get(10, TimeUnit.SECONDS);
		assertThat(heard).containsExactly("v2");
	}

	private SecretSnapshot snapshotOf(String name) {
		GetSecretValueResponse response = this.otherClient.getSecretValue((request) -> request.secretId(name));
		return SecretSnapshot.ofString(response.name(), response.arn(), response.versionId(),
				java.util.Set.copyOf(response.versionStages()), response.createdDate(), this.clock.instant(),
				response.secretString());
	}

	/**
	 * Once armed, holds the next GetSecretValue answer until released.
	 */
	static final class HoldBack implements ExecutionInterceptor {

		final CountDownLatch held = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		private volatile boolean armed;

		void arm() {
			this.armed = true;
		}

		@Override
		public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes executionAttributes) {
			if (this.armed && context.response() instanceof GetSecretValueResponse) {
				this.armed = false;
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

}
