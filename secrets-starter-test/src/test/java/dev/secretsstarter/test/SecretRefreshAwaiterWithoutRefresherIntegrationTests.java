package dev.secretsstarter.test;

import java.time.Duration;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.refresh.SecretsRefresher;
import dev.secretsstarter.test.TestApplication.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fallback: with the refresh auto-configuration excluded there is no
 * {@link SecretsRefresher} and no rotation event, so the awaiter counts the cache's version swaps,
 * which here only the test makes.
 */
@SpringBootTest(classes = TestApplication.class,
		properties = "spring.autoconfigure.exclude=dev.secretsstarter.refresh.SecretRefreshAutoConfiguration")
@AutoConfigureLocalSecretsManager(seed = "classpath:local-secrets.yml")
class SecretRefreshAwaiterWithoutRefresherIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	LocalSecrets secrets;

	@Autowired
	SecretRefreshAwaiter refreshes;

	@Autowired
	SecretCache cache;

	@Autowired
	ApiClient apiClient;

	@Autowired
	ObjectProvider<SecretsRefresher> refresher;

	@Test
	void aManualCacheRefreshCountsAsTheRotation() {
		assertThat(this.refresher.getIfAvailable()).isNull();
		String previous = this.apiClient.password.versionId();
		String rotated = this.secrets.rotate("db/credentials", "{\"username\":\"app\",\"password\":\"dummy-manual\"}");
		this.cache.refresh(SecretKey.current("db/credentials"));
		SecretRefreshAwaiter.Rotation rotation = this.refreshes.awaitRotation("db/credentials", TIMEOUT);
		assertThat(rotation.previousVersionId()).isEqualTo(previous);
		assertThat(rotation.currentVersionId()).isEqualTo(rotated);
		assertThat(rotation.changedPropertyNames()).isEmpty();
		assertThat(this.apiClient.password.get()).isEqualTo("dummy-manual");
	}

	@Test
	void withoutARefreshNothingRotatesAndTheFailureSaysWhy() {
		this.secrets.put("api/key", "dummy-never-refreshed");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.refreshes.awaitRotation("api/key", Duration.ofMillis(200)))
			.withMessageContaining("'api/key'")
			.withMessageContaining("no SecretsRefresher");
	}

}
