package dev.secretsstarter.core;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;

import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SecretsExceptionTranslator}.
 */
class SecretsExceptionTranslatorTests {

	@Test
	void translatesResourceNotFound() {
		SecretsException ex = translate("ResourceNotFoundException", 400, "Secrets Manager can't find the secret.");
		assertThat(ex).isInstanceOf(SecretNotFoundException.class)
			.hasMessageContaining("Secret 'db/credentials' was not found")
			.hasMessageContaining("secrets.region");
		assertThat(ex.getErrorCode()).isEqualTo("ResourceNotFoundException");
		assertThat(ex.getSecretId()).isEqualTo("db/credentials");
		assertThat(ex.getOperation()).isEqualTo("GetSecretValue");
		assertThat(ex.getCause()).isInstanceOf(AwsServiceException.class);
	}

	@Test
	void translatesAccessDeniedNamingThePermission() {
		assertThat(translate("AccessDeniedException", 400, "not authorized"))
			.isInstanceOf(SecretAccessDeniedException.class)
			.hasMessageContaining("secretsmanager:GetSecretValue");
	}

	@Test
	void accessDeniedToListSecretsSaysItIsGrantedOnAllResources() {
		AwsServiceException sdk = AwsServiceException.builder()
			.awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").errorMessage("no").build())
			.statusCode(400)
			.build();
		assertThat(SecretsExceptionTranslator.translate(null, "ListSecrets", sdk))
			.isInstanceOf(SecretAccessDeniedException.class)
			.hasMessageContaining("secretsmanager:ListSecrets")
			.hasMessageContaining("\"Resource\": \"*\"")
			.hasMessageNotContaining("on the secret");
	}

	@Test
	void translatesInvalidCredentials() {
		assertThat(translate("UnrecognizedClientException", 400, "The security token is invalid."))
			.isInstanceOf(SecretAccessDeniedException.class)
			.hasMessageContaining("invalid or expired")
			.hasMessageContaining("secrets.credentials");
	}

	@Test
	void translatesKmsFailuresToAccessDenied() {
		assertThat(translate("DecryptionFailure", 400, "KMS failed")).isInstanceOf(SecretAccessDeniedException.class)
			.hasMessageContaining("kms:Decrypt");
	}

	@Test
	void translatesThrottling() {
		assertThat(translate("ThrottlingException", 400, "Rate exceeded")).isInstanceOf(SecretsThrottledException.class)
			.hasMessageContaining("secrets.client.max-attempts");
	}

	@Test
	void translatesMarkedForDeletionToStateWithRestoreAdvice() {
		assertThat(translate("InvalidRequestException", 400,
				"You can't perform this operation on the secret because it was marked for deletion."))
			.isInstanceOf(SecretStateException.class)
			.hasMessageContaining("restore it");
	}

	@Test
	void translatesRotationInProgressToStateWithWaitAdvice() {
		assertThat(translate("InvalidRequestException", 400, "A previous rotation isn't complete."))
			.isInstanceOf(SecretStateException.class)
			.hasMessageContaining("wait for it to finish");
	}

	@Test
	void translatesRotateWithoutAFunctionToStateWithAdviceToConfigureOne() {
		assertThat(translate("InvalidRequestException", 400,
				"No Lambda rotation function ARN is associated with this secret."))
			.isInstanceOf(SecretStateException.class)
			.hasMessageContaining("lambdaArn")
			.hasMessageNotContaining("wait for it to finish");
	}

	@Test
	void translatesResourceExists() {
		assertThat(translate("ResourceExistsException", 400, "already exists"))
			.isInstanceOf(SecretAlreadyExistsException.class)
			.isInstanceOf(SecretStateException.class);
	}

	@Test
	void translatesInvalidParameter() {
		assertThat(translate("InvalidParameterException", 400, "Invalid name."))
			.isInstanceOf(InvalidSecretRequestException.class)
			.hasMessageContaining("Invalid name.");
	}

	@Test
	void translatesServerErrorsToUnavailable() {
		assertThat(translate("InternalServiceError", 500, "oops")).isInstanceOf(SecretsUnavailableException.class)
			.hasMessageContaining("HTTP 500");
	}

	@Test
	void translatesAConnectFailureNamingTheEndpoint() {
		SdkClientException sdk = SdkClientException.builder()
			.message("Unable to execute HTTP request")
			.cause(new ConnectException("Connection refused"))
			.build();
		assertThat(SecretsExceptionTranslator.translate("api/key", "GetSecretValue", sdk, "http://127.0.0.1:1"))
			.isInstanceOf(SecretsUnavailableException.class)
			.hasMessageContaining("http://127.0.0.1:1")
			.hasMessageContaining("secrets.endpoint")
			.hasMessageContaining("'api/key'");
	}

	@Test
	void translatesTimeouts() {
		assertThat(SecretsExceptionTranslator.translate("api/key", "GetSecretValue",
				ApiCallTimeoutException.create(1000)))
			.isInstanceOf(SecretsUnavailableException.class)
			.hasMessageContaining("secrets.client.api-call-timeout");
	}

	@Test
	void translatesAnUnreachableEndpointOfARealClient() throws IOException {
		URI endpoint = closedPort();
		try (SecretsManagerClient client = LocalClients.builder(endpoint)
			.overrideConfiguration((override) -> override.retryStrategy((retry) -> retry.maxAttempts(1)))
			.build()) {
			SecretsTemplate template = new SecretsTemplate(client, JsonMapper.builder().build());
			assertThatExceptionOfType(SecretsUnavailableException.class)
				.isThrownBy(() -> template.getString("api/key"))
				.withMessageContaining("Secrets Manager at " + endpoint + " could not be reached for GetSecretValue "
						+ "of secret 'api/key'")
				.withMessageContaining("Check secrets.endpoint");
		}
	}

	private static URI closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
	}

	private static SecretsException translate(String code, int status, String message) {
		AwsServiceException sdk = AwsServiceException.builder()
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
			.statusCode(status)
			.build();
		return SecretsExceptionTranslator.translate("db/credentials", "GetSecretValue", sdk);
	}

}
