package dev.secretsstarter.test;

import java.time.Duration;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheEntryStatus;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.test.TestApplication.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection from a test: while the server throttles the application's reads, a new
 * version cannot be fetched and the application keeps serving the last good value (marked
 * stale); once the faults are cleared, the next poll (every few hundred milliseconds here) takes
 * the new version into use.
 */
@SpringBootTest(classes = TestApplication.class,
		properties = { "secrets.refresh.interval=300ms", "secrets.refresh.backoff.max=600ms" })
@AutoConfigureLocalSecretsManager(seed = "classpath:local-secrets.yml")
class StaleOnErrorIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	LocalSecrets secrets;

	@Autowired
	SecretRefreshAwaiter refreshes;

	@Autowired
	SecretCache cache;

	@Autowired
	ApiClient apiClient;

	@AfterEach
	void clearFaults() {
		this.secrets.faults().clear();
	}

	@Test
	void theLastGoodValueIsServedWhileThrottledAndTheNewOneAfterRecovery() {
		// tag::stale-on-error[]
		String before = this.apiClient.key;
		// Throttle what the application reads with; the test's own PutSecretValue still works.
		this.secrets.faults().throttle("DescribeSecret", 10_000);
		this.secrets.faults().throttle("GetSecretValue", 10_000);
		String rotated = this.secrets.put("api/key", "dummy-api-key-after-outage");
		await().atMost(TIMEOUT).until(() -> status("api/key").isStale());
		assertThat(this.apiClient.key).isEqualTo(before);
		assertThat(status("api/key").lastFailure()).contains("api/key").doesNotContain("dummy");

		this.secrets.faults().clear();
		SecretRefreshAwaiter.Rotation rotation = this.refreshes.awaitRotation("api/key", TIMEOUT);
		assertThat(rotation.currentVersionId()).isEqualTo(rotated);
		assertThat(this.apiClient.key).isEqualTo("dummy-api-key-after-outage");
		// end::stale-on-error[]
		assertThat(status("api/key").isStale()).isFalse();
	}

	private SecretCacheEntryStatus status(String secretId) {
		SecretCacheEntryStatus status = this.cache.status(SecretKey.current(secretId));
		assertThat(status).as("cache status of %s", secretId).isNotNull();
		return status;
	}

}
