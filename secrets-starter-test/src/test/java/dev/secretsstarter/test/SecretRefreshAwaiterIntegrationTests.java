package dev.secretsstarter.test;

import java.time.Duration;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.test.TestApplication.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(classes = TestApplication.class)
@AutoConfigureLocalSecretsManager(seed = "classpath:local-secrets.yml")
class SecretRefreshAwaiterIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	LocalSecrets secrets;

	@Autowired
	SecretRefreshAwaiter refreshes;

	@Autowired
	SecretCache cache;

	@Autowired
	ApiClient apiClient;

	@Test
	void returnsTheRotationOnceTheApplicationHasTheNewVersion() {
		String previous = this.apiClient.password.versionId();
		String rotated = this.secrets.rotate("db/credentials", "{\"username\":\"app\",\"password\":\"dummy-2\"}");
		// No refresh poller in this module: the test refreshes the cache as the poller would.
		this.cache.refresh(SecretKey.current("db/credentials"));
		SecretRefreshAwaiter.Rotation rotation = this.refreshes.awaitRotation("db/credentials", TIMEOUT);
		assertThat(rotation.previousVersionId()).isEqualTo(previous);
		assertThat(rotation.currentVersionId()).isEqualTo(rotated);
		assertThat(this.apiClient.password.get()).isEqualTo("dummy-2");
	}

	@Test
	void waitsForARotationThatAnotherThreadBringsIn() {
		String rotated = this.secrets.put("api/key", "dummy-api-key-2");
		Thread refresher = new Thread(() -> this.cache.refresh(SecretKey.current("api/key")));
		refresher.start();
		assertThat(this.refreshes.awaitRotation("api/key", TIMEOUT).currentVersionId()).isEqualTo(rotated);
	}

	@Test
	void failsWithTheSecretNamedWhenNothingRotatesInTime() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.refreshes.awaitRotation("app/config", Duration.ofMillis(50)))
			.withMessageContaining("'app/config'")
			.withMessageContaining("secrets.refresh");
	}

}
