package dev.secretsstarter.test;

import java.net.URI;

import dev.secretsstarter.local.FaultInjector;
import dev.secretsstarter.local.LocalSecretsManager;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

// tag::extension-class[]
@ExtendWith(LocalSecretsManagerExtension.class)
@LocalSecret(name = "db/credentials", value = "{\"password\":\"dummy\"}")
@LocalSecret(name = "api/key", value = "dummy-api-key")
class LocalSecretsManagerExtensionIntegrationTests {
	// end::extension-class[]

	@Test
	void classLevelSecretsAreSeeded(SecretsManagerClient client) {
		assertThat(client.getSecretValue((request) -> request.secretId("db/credentials")).secretString())
			.isEqualTo("{\"password\":\"dummy\"}");
		assertThat(client.getSecretValue((request) -> request.secretId("api/key")).secretString())
			.isEqualTo("dummy-api-key");
	}

	// tag::method-level-secret[]
	@Test
	@LocalSecret(name = "only/this-test", value = "dummy-method")
	void methodLevelSecretsAreSeededBeforeTheTest(LocalSecrets secrets) {
		assertThat(secrets.currentValue("only/this-test")).isEqualTo("dummy-method");
	}
	// end::method-level-secret[]

	// tag::injected-parameters[]
	@Test
	void injectsTheServerItsEndpointAndAClientOfTheSameServer(LocalSecretsManager server, URI endpoint,
			SecretsManagerClient client, LocalSecrets secrets) {
		// end::injected-parameters[]
		assertThat(endpoint).isEqualTo(server.endpoint()).isEqualTo(secrets.endpoint());
		assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
		long before = server.requests().count("ListSecrets");
		client.listSecrets();
		assertThat(server.requests().count("ListSecrets")).isEqualTo(before + 1);
	}

	@Test
	void putAddsANewCurrentVersionAndKeepsThePreviousOne(LocalSecrets secrets, SecretsManagerClient client) {
		secrets.put("put/secret", "dummy-1");
		String second = secrets.put("put/secret", "dummy-2");
		assertThat(client.getSecretValue((request) -> request.secretId("put/secret")).versionId()).isEqualTo(second);
		assertThat(client.getSecretValue((request) -> request.secretId("put/secret").versionStage("AWSPREVIOUS"))
			.secretString()).isEqualTo("dummy-1");
	}

	@Test
	void rotateRunsRotateSecretToCompletion(LocalSecrets secrets, SecretsManagerClient client) {
		// tag::put-and-rotate[]
		secrets.put("rotated/secret", "dummy-before");
		String version = secrets.rotate("rotated/secret", "dummy-after");
		assertThat(client.getSecretValue((request) -> request.secretId("rotated/secret")).versionId())
			.isEqualTo(version);
		assertThat(secrets.currentValue("rotated/secret")).isEqualTo("dummy-after");
		// end::put-and-rotate[]
		assertThat(client.describeSecret((request) -> request.secretId("rotated/secret")).lastRotatedDate())
			.isNotNull();
	}

	@Test
	void deleteRemovesTheSecretAtOnce(LocalSecrets secrets) {
		secrets.put("deleted/secret", "dummy");
		secrets.delete("deleted/secret");
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> secrets.currentValue("deleted/secret"));
	}

	@Test
	void injectedFaultsReachTheClient(FaultInjector faults, SecretsManagerClient client) {
		faults.fail("DescribeSecret", "InternalServiceError", 500, 10);
		try {
			assertThatExceptionOfType(SecretsManagerException.class)
				.isThrownBy(() -> client.describeSecret((request) -> request.secretId("api/key")))
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(500));
		}
		finally {
			faults.clear();
		}
	}

	@Nested
	class NestedTests {

		@Test
		void shareTheServerOfTheirEnclosingClass(LocalSecrets secrets) {
			assertThat(secrets.currentValue("api/key")).isEqualTo("dummy-api-key");
		}

	}

}
