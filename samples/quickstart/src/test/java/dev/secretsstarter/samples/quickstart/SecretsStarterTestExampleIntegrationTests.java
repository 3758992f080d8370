package dev.secretsstarter.samples.quickstart;

import java.time.Duration;

import dev.secretsstarter.test.AutoConfigureLocalSecretsManager;
import dev.secretsstarter.test.LocalSecrets;
import dev.secretsstarter.test.SecretRefreshAwaiter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an application tests its own secrets with secrets-starter-test: the annotation starts an
 * embedded server seeded from a test file, the test rotates a secret and waits until the beans
 * follow. The demo rotation is switched off so that the test alone changes the secret.
 */
// tag::test-support[]
@SpringBootTest(properties = "quickstart.rotation.interval=1h")
@AutoConfigureLocalSecretsManager(seed = "classpath:test-secrets.yml")
class SecretsStarterTestExampleIntegrationTests {

	@Autowired
	LocalSecrets secrets;

	@Autowired
	SecretRefreshAwaiter refreshes;

	@Autowired
	PartnerApiClient client;

	@Autowired
	ApiProperties properties;

	@Test
	void beansStartWithTheSeededValue() {
		assertThat(this.client.credentials().get().token()).isEqualTo("test-token-1");
		assertThat(this.properties.getToken()).isEqualTo("test-token-1");
	}

	@Test
	void beansFollowARotation() {
		this.secrets.rotate("quickstart/api-credentials", "{\"username\":\"demo\",\"token\":\"test-token-2\"}");
		this.refreshes.awaitRotation("quickstart/api-credentials", Duration.ofSeconds(10));
		assertThat(this.client.credentials().get().token()).isEqualTo("test-token-2");
		assertThat(this.client.fieldToken()).isEqualTo("test-token-2");
		assertThat(this.properties.getToken()).isEqualTo("test-token-2");
	}

}
// end::test-support[]
