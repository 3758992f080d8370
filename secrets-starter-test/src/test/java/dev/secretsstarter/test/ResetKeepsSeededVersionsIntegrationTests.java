package dev.secretsstarter.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.secretsstarter.refresh.SecretRotatedEvent;
import dev.secretsstarter.refresh.SecretsRefresher;
import dev.secretsstarter.test.AutoConfigureLocalSecretsManager.Reset;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reset after each test restores the seeded secrets with the version ids they had after the
 * first seeding, so an application that lives across the tests (one cached context) sees only the
 * secrets a test changed as rotated, not every seeded secret: local push tells it of the value the
 * reset put back, and its own poll (a manual one, so that the test needs no timing) finds nothing
 * else changed.
 */
@SpringBootTest(classes = { TestApplication.class, ResetKeepsSeededVersionsIntegrationTests.RotationEvents.class },
		properties = "secrets.refresh.interval=1h")
@AutoConfigureLocalSecretsManager(seed = "classpath:local-secrets.yml", reset = Reset.AFTER_EACH_TEST)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetKeepsSeededVersionsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	LocalSecrets secrets;

	@Autowired
	SecretRefreshAwaiter refreshes;

	@Autowired
	SecretsRefresher refresher;

	@Autowired
	RotationEvents events;

	@Test
	@Order(1)
	void aTestChangesOneSeededSecret() {
		this.secrets.put("api/key", "dummy-api-key-changed-by-a-test");
		this.refreshes.awaitRotation("api/key", TIMEOUT);
		// The awaiter may hear the event before the recorder does.
		await().atMost(TIMEOUT).until(() -> this.events.secretIds().contains("api/key"));
		this.events.clear();
	}

	@Test
	@Order(2)
	void afterTheResetTheApplicationSeesOnlyThatSecretRotated() {
		assertThat(this.refresher.trackedKeys()).extracting((key) -> key.secretId())
			.contains("api/key", "db/credentials", "app/config");
		// The reset announced the value it put back; local push refreshed it while the reset ended,
		// possibly before the awaiter was cleared for this test, so the recorder is what tells.
		await().atMost(TIMEOUT).until(() -> this.events.secretIds().contains("api/key"));
		this.refresher.refreshNow();
		assertThat(this.events.secretIds()).containsExactly("api/key");
		assertThat(this.secrets.currentValue("api/key")).isEqualTo("dummy-api-key");
	}

	/** Records the application's rotation events. */
	@Configuration(proxyBeanMethods = false)
	static class RotationEvents {

		private final List<String> secretIds = new CopyOnWriteArrayList<>();

		@Bean
		ApplicationListener<SecretRotatedEvent> rotationRecorder() {
			return (event) -> this.secretIds.add(event.getSecretId());
		}

		List<String> secretIds() {
			return List.copyOf(this.secretIds);
		}

		void clear() {
			this.secretIds.clear();
		}

	}

}
