package dev.secretsstarter.test;

import java.time.Duration;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.test.TestApplication.AppProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code secrets.refresh.enabled=false} nothing polls and nothing is pushed, but the
 * refresher still exists and still follows a version change made outside a poll: a manual cache
 * refresh is followed by rebinding and a rotation event, and the awaiter waits for that event.
 */
@SpringBootTest(classes = TestApplication.class, properties = "secrets.refresh.enabled=false")
@AutoConfigureLocalSecretsManager(seed = "classpath:local-secrets.yml")
class SecretRefreshAwaiterWithPollingDisabledIntegrationTests {

	@Autowired
	LocalSecrets secrets;

	@Autowired
	SecretRefreshAwaiter refreshes;

	@Autowired
	SecretCache cache;

	@Autowired
	AppProperties appProperties;

	@Test
	void aManualCacheRefreshIsAwaitedUntilDependentBeansAreRebound() {
		// tag::await-manual-refresh[]
		this.secrets.put("app/config", "{\"greeting\":\"hello after a manual refresh\"}");
		this.cache.refresh(SecretKey.current("app/config"));
		SecretRefreshAwaiter.Rotation rotation = this.refreshes.awaitRotation("app/config", Duration.ofSeconds(10));
		assertThat(rotation.changedPropertyNames()).containsExactly("app.greeting");
		assertThat(this.appProperties.getGreeting()).isEqualTo("hello after a manual refresh");
		// end::await-manual-refresh[]
	}

}
