package dev.secretsstarter.local;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuthenticationIntegrationTests extends AbstractServerIntegrationTests {

	@Test
	void unknownAccessKeyIsUnrecognizedClient() {
		try (SecretsManagerClient other = LocalServerTestSupport.client(this.server.endpoint(), "us-east-1", "other",
				"test")) {
			assertThatExceptionOfType(AwsServiceException.class).isThrownBy(() -> other.listSecrets())
				.satisfies((ex) -> {
					assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
					assertThat(ex.statusCode()).isEqualTo(403);
				});
		}
	}

	@Test
	void wrongSecretKeyIsInvalidSignature() {
		try (SecretsManagerClient other = LocalServerTestSupport.client(this.server.endpoint(), "us-east-1", "test",
				"wrong")) {
			assertThatExceptionOfType(AwsServiceException.class).isThrownBy(() -> other.listSecrets())
				.satisfies((ex) -> {
					assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
					assertThat(ex.statusCode()).isEqualTo(403);
				});
		}
	}

	@Test
	void rejectedRequestsAreNotCounted() {
		try (SecretsManagerClient other = LocalServerTestSupport.client(this.server.endpoint(), "us-east-1", "test",
				"wrong")) {
			assertThatExceptionOfType(AwsServiceException.class).isThrownBy(() -> other.listSecrets());
		}
		assertThat(this.server.requests().count("ListSecrets")).isZero();
	}

	@Test
	void regionComesFromTheCredentialScope() {
		this.server.createSecret("s", "dummy");
		try (SecretsManagerClient west = LocalServerTestSupport.client(this.server, "eu-west-1")) {
			assertThat(west.listSecrets().secretList()).isEmpty();
			west.createSecret((r) -> r.name("s").secretString("dummy-west"));
			assertThat(west.getSecretValue((r) -> r.secretId("s")).arn()).contains(":eu-west-1:");
		}
		assertThat(this.client.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy");
	}

}
