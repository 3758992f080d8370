package dev.secretsstarter.test;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.test.TestApplication.ApiClient;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The annotation alone makes {@code spring.config.import=aws-secretsmanager:} (the only line of
 * this module's test {@code application.yml}) and {@code @SecretValue} work: no endpoint, region
 * or credentials are written anywhere.
 */
// tag::auto-configure-class[]
@SpringBootTest(classes = TestApplication.class)
@AutoConfigureLocalSecretsManager(seed = "classpath:local-secrets.yml")
class AutoConfigureLocalSecretsManagerIntegrationTests {

	@Value("${app.greeting}")
	String greeting;
	// end::auto-configure-class[]

	@Autowired
	ApiClient apiClient;

	@Autowired
	LocalSecretsManager server;

	@Autowired
	LocalSecrets secrets;

	@Autowired
	SecretsManagerClient client;

	@Autowired
	Environment environment;

	@Autowired
	SecretCache cache;

	// tag::auto-configure-test[]
	@Test
	void importedPropertiesComeFromTheSeedFile() {
		assertThat(this.greeting).isEqualTo("hello from secrets-local");
	}
	// end::auto-configure-test[]

	@Test
	void secretValueSitesComeFromTheSeedFile() {
		assertThat(this.apiClient.key).isEqualTo("dummy-api-key");
		assertThat(this.apiClient.password.get()).isEqualTo("dummy-password-1");
	}

	@Test
	void theApplicationTalksToTheServerBean() {
		assertThat(this.environment.getProperty("secrets.endpoint")).isEqualTo(this.server.endpoint().toString());
		long before = totalCalls();
		this.cache.refresh(SecretKey.current("api/key"));
		assertThat(totalCalls()).isGreaterThan(before);
	}

	private long totalCalls() {
		return this.server.requests().counts().values().stream().mapToLong(Long::longValue).sum();
	}

	@Test
	void faultsInjectedThroughTheHandleReachTheApplicationsClient() {
		// tag::faults[]
		this.secrets.faults().fail("GetSecretValue", "InternalServiceError", 500, 10);
		try {
			assertThatExceptionOfType(SecretsManagerException.class)
				.isThrownBy(() -> this.client.getSecretValue((request) -> request.secretId("api/key")))
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(500));
		}
		finally {
			this.secrets.faults().clear();
		}
		// end::faults[]
	}

}
