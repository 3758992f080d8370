package dev.secretsstarter.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.secretsstarter.actuate.SecretsEndpoint.RefreshResult;
import dev.secretsstarter.actuate.SecretsEndpoint.SecretDescriptor;
import dev.secretsstarter.actuate.SecretsEndpoint.State;
import dev.secretsstarter.cache.CaffeineSecretCache;
import dev.secretsstarter.cache.MutableClock;
import dev.secretsstarter.cache.SecretCacheProperties;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretUsages;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint without the rotation machinery: a real cache over secrets-local, a clock we move.
 */
class SecretsEndpointTests {

	private static final SecretKey DB = SecretKey.current("db/credentials");

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

	private final SecretUsages usages = new SecretUsages();

	private LocalSecretsManager server;

	private SecretsManagerClient client;

	private CaffeineSecretCache cache;

	private SecretsEndpoint endpoint;

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("db/credentials", "{\"password\":\"pw\"}");
		this.client = LocalClients.builder(this.server)
			.overrideConfiguration((override) -> override.retryStrategy((retry) -> retry.maxAttempts(1)))
			.build();
		SecretCacheProperties properties = new SecretCacheProperties();
		properties.setMaxStaleness(Duration.ofMinutes(10));
		this.cache = new CaffeineSecretCache(this.client, properties, this.clock);
		this.endpoint = new SecretsEndpoint(this.cache, this.usages, SecretsEndpoint.SecretRefresher.of(this.cache),
				this.clock, properties.getMaxStaleness(), () -> null);
		this.usages.record(DB, "import aws-secretsmanager:db/credentials");
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.close();
	}

	private SecretDescriptor only(SecretKey key) {
		return this.endpoint.secrets()
			.secrets()
			.stream()
			.filter((descriptor) -> descriptor.secretId().equals(key.secretId())
					&& java.util.Objects.equals(descriptor.versionStage(), key.versionStage())
					&& java.util.Objects.equals(descriptor.requestedVersionId(), key.versionId()))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aSecretInUseButNotCachedIsListedAsNotCached() {
		SecretDescriptor descriptor = only(DB);
		assertThat(descriptor.state()).isEqualTo(State.NOT_CACHED);
		assertThat(descriptor.versionId()).isNull();
		assertThat(descriptor.usages()).containsExactly("import aws-secretsmanager:db/credentials");
	}

	@Test
	void ageIsTheTimeSinceTheValueWasLastConfirmed() {
		this.cache.get(DB);
		this.clock.advance(Duration.ofSeconds(42));
		SecretDescriptor descriptor = only(DB);
		assertThat(descriptor.state()).isEqualTo(State.FRESH);
		assertThat(descriptor.age()).isEqualTo(Duration.ofSeconds(42));
		assertThat(descriptor.fetchedAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
		assertThat(descriptor.lastCheckedAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
		assertThat(this.endpoint.secrets().maxStaleness()).isEqualTo(Duration.ofMinutes(10));
		assertThat(this.endpoint.secrets().refresh()).isNull();
	}

	@Test
	void aValueWhoseRefreshFailedPastTheMaximumStalenessIsExpired() {
		this.cache.get(DB);
		this.cache.markFailed(DB, new IllegalStateException("check of 'db/credentials' failed"));
		this.clock.advance(Duration.ofMinutes(11));
		SecretDescriptor descriptor = only(DB);
		assertThat(descriptor.state()).isEqualTo(State.EXPIRED);
		assertThat(descriptor.lastError()).isEqualTo("check of 'db/credentials' failed");
		assertThat(descriptor.lastErrorAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
	}

	@Test
	void aFixedVersionShowsTheRequestedIdAndHasNoAge() {
		String versionId = this.cache.get(DB).versionId();
		SecretKey fixed = SecretKey.version("db/credentials", versionId);
		this.cache.get(fixed);
		SecretDescriptor descriptor = only(fixed);
		assertThat(descriptor.requestedVersionId()).isEqualTo(versionId);
		assertThat(descriptor.versionStage()).isNull();
		assertThat(descriptor.age()).isNull();
		assertThat(this.endpoint.secret("db", "credentials")).hasSize(2);
	}

	@Test
	void withoutTheRotationMachineryARefreshGoesThroughTheCache() {
		String before = this.cache.get(DB).versionId();
		this.server.putSecretValue("db/credentials", "{\"password\":\"new\"}");
		List<RefreshResult> results = this.endpoint.refreshSecret("db", "credentials").refreshed();
		assertThat(results).singleElement().satisfies((result) -> {
			assertThat(result.previousVersionId()).isEqualTo(before);
			assertThat(result.changed()).isTrue();
			assertThat(result.error()).isNull();
		});
		assertThat(this.cache.getIfPresent(DB).stringValue()).contains("new");
	}

	@Test
	void withoutTheRotationMachineryAFailedRefreshIsReported() {
		this.cache.get(DB);
		this.server.faults().fail("GetSecretValue", "InternalServiceError", 500, 1);
		RefreshResult result = this.endpoint.refreshAll().refreshed().get(0);
		assertThat(result.changed()).isFalse();
		assertThat(result.error()).contains("db/credentials");
		assertThat(only(DB).state()).isEqualTo(State.STALE);
	}

}
