package dev.secretsstarter.test;

import java.time.Duration;

import dev.secretsstarter.test.TestApplication.ApiClient;
import dev.secretsstarter.test.TestApplication.AppProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The real path: the test writes through {@link LocalSecrets}, the server's change notification
 * makes the application refresh at once (local push; polls are an hour apart here, so a poll
 * cannot be what brought the change), and {@code awaitRotation} returns once the application has
 * published its rotation event, with every dependent bean already current.
 */
@SpringBootTest(classes = TestApplication.class, properties = "secrets.refresh.interval=1h")
@AutoConfigureLocalSecretsManager(seed = "classpath:local-secrets.yml")
class SecretRefreshAwaiterIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	LocalSecrets secrets;

	@Autowired
	SecretRefreshAwaiter refreshes;

	@Autowired
	ApiClient apiClient;

	@Autowired
	AppProperties appProperties;

	@Autowired
	Environment environment;

	@Test
	void aSecretValueFieldHoldsTheNewValueWhenTheAwaitReturns() {
		// tag::await-field[]
		String rotated = this.secrets.put("api/key", "dummy-api-key-2");
		SecretRefreshAwaiter.Rotation rotation = this.refreshes.awaitRotation("api/key", TIMEOUT);
		assertThat(rotation.currentVersionId()).isEqualTo(rotated);
		assertThat(this.apiClient.key).isEqualTo("dummy-api-key-2");
		// end::await-field[]
	}

	@Test
	void theRotationCarriesBothVersionIdsAndTheChangedKeysOnly() {
		String previous = this.apiClient.password.versionId();
		String rotated = this.secrets.rotate("db/credentials",
				"{\"username\":\"app\",\"password\":\"dummy-password-" + System.nanoTime() + "\"}");
		SecretRefreshAwaiter.Rotation rotation = this.refreshes.awaitRotation("db/credentials", TIMEOUT);
		assertThat(rotation.secretId()).isEqualTo("db/credentials");
		assertThat(rotation.previousVersionId()).isEqualTo(previous);
		assertThat(rotation.currentVersionId()).isEqualTo(rotated).isEqualTo(this.apiClient.password.versionId());
		assertThat(rotation.changedPropertyNames()).containsExactly("password");
	}

	@Test
	void configurationPropertiesBoundFromAnImportedSecretAreReboundWhenTheAwaitReturns() {
		// tag::await-configuration-properties[]
		this.secrets.put("app/config", "{\"greeting\":\"hello after rotation\"}");
		SecretRefreshAwaiter.Rotation rotation = this.refreshes.awaitRotation("app/config", TIMEOUT);
		assertThat(rotation.changedPropertyNames()).containsExactly("app.greeting");
		assertThat(this.appProperties.getGreeting()).isEqualTo("hello after rotation");
		// end::await-configuration-properties[]
		assertThat(this.environment.getProperty("app.greeting")).isEqualTo("hello after rotation");
	}

	@Test
	void waitsForARotationMadeOnAnotherThread() throws InterruptedException {
		Thread rotator = new Thread(() -> this.secrets.put("api/key", "dummy-api-key-late"));
		rotator.start();
		this.refreshes.awaitRotation("api/key", TIMEOUT);
		assertThat(this.apiClient.key).isEqualTo("dummy-api-key-late");
		rotator.join(TIMEOUT.toMillis());
	}

	@Test
	void failsNamingTheSecretWhenNoRotationComesInTime() {
		// tag::await-timeout[]
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.refreshes.awaitRotation("app/config", Duration.ofMillis(200)))
			.withMessageContaining("Secret 'app/config' was not seen rotating within PT0.2S");
		// end::await-timeout[]
	}

	@Test
	void aTimeoutSaysWhenNoSecretWasSeenRotatingAtAll() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.refreshes.awaitRotation("app/config", Duration.ofMillis(200)))
			.withMessageContaining("No rotation of any secret was seen");
	}

	@Test
	void aTimeoutNamesTheSecretsThatWereSeenRotatingInstead() {
		this.secrets.put("api/key", "dummy-api-key-seen");
		this.refreshes.awaitRotation("api/key", TIMEOUT);
		String arn = this.secrets.client().describeSecret((request) -> request.secretId("api/key")).arn();
		// The application names the secret 'api/key', so its rotations are recorded under that id.
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.refreshes.awaitRotation(arn, Duration.ofMillis(200)))
			.withMessageContaining("Secret '" + arn + "' was not seen rotating")
			.withMessageContaining("Seen instead: 'api/key' (1, already taken)")
			.withMessageNotContaining("dummy");
	}

	@Test
	void aSecretTheApplicationDoesNotUseNeverRotatesForIt() {
		this.secrets.put("unused/secret", "dummy-unused");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.refreshes.awaitRotation("unused/secret", Duration.ofMillis(200)))
			.withMessageContaining("'unused/secret'")
			.withMessageContaining("waiting for SecretRotatedEvent");
	}

}
