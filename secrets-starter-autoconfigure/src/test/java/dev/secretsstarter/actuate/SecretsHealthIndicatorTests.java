package dev.secretsstarter.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.secretsstarter.cache.CaffeineSecretCache;
import dev.secretsstarter.cache.MutableClock;
import dev.secretsstarter.cache.SecretCacheProperties;
import dev.secretsstarter.cache.SecretFailureKind;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.refresh.SecretRefreshProperties;
import dev.secretsstarter.refresh.SecretRefreshStatus;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsHealthIndicatorTests {

	private static final SecretKey DB = SecretKey.current("db/credentials");

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

	private LocalSecretsManager server;

	private SecretsManagerClient client;

	private CaffeineSecretCache cache;

	private SecretsHealthIndicator indicator;

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("db/credentials", "{\"password\":\"pw\"}");
		this.client = LocalClients.builder(this.server)
			.overrideConfiguration((override) -> override.retryStrategy((retry) -> retry.maxAttempts(1)))
			.build();
		SecretCacheProperties properties = new SecretCacheProperties();
		properties.setMaxStaleness(Duration.ofMinutes(10));
		properties.getBackoff().setInitial(Duration.ofMillis(1));
		properties.getBackoff().setMax(Duration.ofMillis(1));
		this.cache = new CaffeineSecretCache(this.client, properties, this.clock);
		this.indicator = new SecretsHealthIndicator(this.cache, this.clock, properties.getMaxStaleness());
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.close();
	}

	private void failRefresh() {
		this.server.faults().fail("GetSecretValue", "InternalServiceError", 500, 1);
		this.clock.advance(Duration.ofSeconds(1)); // past the backoff of an earlier failure
		this.cache.refresh(DB);
	}

	@Test
	void upWithNoSecretCached() {
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void upWhileRefreshesSucceedHoweverOldTheValue() {
		this.cache.get(DB);
		this.clock.advance(Duration.ofHours(5));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("secrets", 1).containsEntry("maxStaleness", "PT10M");
	}

	@Test
	void degradedWhileAValueIsServedStale() {
		this.cache.get(DB);
		failRefresh();
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(SecretsHealthIndicator.DEGRADED);
		assertThat(health.getDetails()).containsEntry("stale", List.of("db/credentials@AWSCURRENT"));
	}

	@Test
	void downPastTheMaximumStaleness() {
		this.cache.get(DB);
		failRefresh();
		this.clock.advance(Duration.ofMinutes(11));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("expired", List.of("db/credentials@AWSCURRENT"));
	}

	@Test
	void upAgainOnceARefreshSucceeds() {
		this.cache.get(DB);
		failRefresh();
		this.clock.advance(Duration.ofSeconds(1));
		this.cache.refresh(DB);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	private SecretsHealthIndicator withFailedPolls(int failedPolls) {
		SecretRefreshStatus status = new SecretRefreshStatus(true, SecretRefreshProperties.DetectionStrategy.DESCRIBE,
				Duration.ofMinutes(1), 1, 5, 0, failedPolls, failedPolls, SecretFailureKind.UNREACHABLE, null, null, null);
		return new SecretsHealthIndicator(this.cache, this.clock, Duration.ofMinutes(10), () -> status, 3);
	}

	@Test
	void upWhileFewerPollsThanTheThresholdFailedInARow() {
		this.cache.get(DB);
		Health health = withFailedPolls(2).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).doesNotContainKeys("consecutiveFailedPolls", "lastFailureKind");
	}

	@Test
	void degradedOnceThresholdPollsFailedInARowThoughNoValueIsStale() {
		this.cache.get(DB);
		Health health = withFailedPolls(3).health();
		assertThat(health.getStatus()).isEqualTo(SecretsHealthIndicator.DEGRADED);
		assertThat(health.getDetails()).containsEntry("consecutiveFailedPolls", 3)
			.containsEntry("lastFailureKind", "UNREACHABLE")
			.doesNotContainKey("stale");
	}

	@Test
	void downPastTheMaximumStalenessWhateverThePolls() {
		this.cache.get(DB);
		failRefresh();
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(withFailedPolls(5).health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void aFixedVersionNeverMakesItDegraded() {
		String versionId = this.cache.get(DB).versionId();
		SecretKey fixed = SecretKey.version("db/credentials", versionId);
		this.cache.get(fixed);
		this.cache.markFailed(fixed, new IllegalStateException("check failed"));
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

}
