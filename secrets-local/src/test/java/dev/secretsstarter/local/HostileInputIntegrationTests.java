package dev.secretsstarter.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the SDK cannot produce, sent with a raw HTTP client (signed with the SDK's signer where the
 * test needs authentication to pass). Each gets an error response and the server keeps serving.
 */
class HostileInputIntegrationTests extends AbstractServerIntegrationTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private HttpResponse<String> send(String target, byte[] body, boolean sign) throws IOException, InterruptedException {
		URI uri = this.server.endpoint().resolve("/");
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Content-Type", "application/x-amz-json-1.1");
		SdkHttpFullRequest.Builder toSign = SdkHttpFullRequest.builder()
			.method(SdkHttpMethod.POST)
			.uri(uri)
			.putHeader("Content-Type", "application/x-amz-json-1.1");
		if (target != null) {
			request.header("X-Amz-Target", target);
			toSign.putHeader("X-Amz-Target", target);
		}
		if (sign) {
			var signed = AwsV4HttpSigner.create()
				.sign((r) -> r.identity(AwsCredentialsIdentity.create("test", "test"))
					.request(toSign.build())
					.payload(ContentStreamProvider.fromByteArray(body))
					.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
					.putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
			for (Map.Entry<String, java.util.List<String>> header : signed.request().headers().entrySet()) {
				if (!header.getKey().equalsIgnoreCase("Host") && !header.getKey().equalsIgnoreCase("Content-Type")
						&& !header.getKey().equalsIgnoreCase("X-Amz-Target")) {
					request.header(header.getKey(), header.getValue().get(0));
				}
			}
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String target, String body) throws IOException, InterruptedException {
		return send(target, body.getBytes(StandardCharsets.UTF_8), true);
	}

	private void assertError(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).contains("\"__type\":\"" + type + "\"");
		assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
		assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
		assertStillServing();
	}

	private void assertStillServing() {
		assertThat(this.client.listSecrets().secretList()).isNotNull();
	}

	@Test
	void signedRawRequestSucceeds() throws Exception {
		this.server.createSecret("s", "dummy");
		HttpResponse<String> response = send("secretsmanager.GetSecretValue", "{\"SecretId\":\"s\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"SecretString\":\"dummy\"");
	}

	@Test
	void missingAuthorizationIsMissingAuthenticationToken() throws Exception {
		assertError(send("secretsmanager.ListSecrets", "{}".getBytes(StandardCharsets.UTF_8), false), 403,
				"MissingAuthenticationTokenException");
	}

	@Test
	void tamperedBodyIsInvalidSignature() throws Exception {
		URI uri = this.server.endpoint().resolve("/");
		byte[] signedBody = "{}".getBytes(StandardCharsets.UTF_8);
		var signed = AwsV4HttpSigner.create()
			.sign((r) -> r.identity(AwsCredentialsIdentity.create("test", "test"))
				.request(SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(uri).build())
				.payload(ContentStreamProvider.fromByteArray(signedBody))
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
				.putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri)
			.POST(HttpRequest.BodyPublishers.ofString("{\"MaxResults\":1}"))
			.header("X-Amz-Target", "secretsmanager.ListSecrets")
			.header("Authorization", signed.request().firstMatchingHeader("Authorization").orElseThrow())
			.header("X-Amz-Date", signed.request().firstMatchingHeader("X-Amz-Date").orElseThrow())
			.header("x-amz-content-sha256", signed.request().firstMatchingHeader("x-amz-content-sha256").orElseThrow())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertError(response, 403, "InvalidSignatureException");
	}

	@Test
	void garbageAuthorizationHeaderIsAnError() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.server.endpoint().resolve("/"))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.header("X-Amz-Target", "secretsmanager.ListSecrets")
			.header("Authorization", "Basic dXNlcjpwYXNz")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertError(response, 403, "IncompleteSignatureException");
	}

	@Test
	void malformedJsonIsSerializationException() throws Exception {
		assertError(send("secretsmanager.GetSecretValue", "{\"SecretId\": "), 400, "SerializationException");
	}

	@Test
	void nonObjectJsonIsSerializationException() throws Exception {
		assertError(send("secretsmanager.GetSecretValue", "[1,2,3]"), 400, "SerializationException");
	}

	@Test
	void wrongFieldTypeIsSerializationException() throws Exception {
		assertError(send("secretsmanager.GetSecretValue", "{\"SecretId\": {\"nested\": true}}"), 400,
				"SerializationException");
		assertError(send("secretsmanager.ListSecrets", "{\"MaxResults\": \"ten\"}"), 400, "SerializationException");
	}

	@Test
	void missingRequiredMemberIsInvalidParameter() throws Exception {
		assertError(send("secretsmanager.GetSecretValue", "{}"), 400, "InvalidParameterException");
	}

	@Test
	void unknownTargetIsUnknownOperation() throws Exception {
		assertError(send("secretsmanager.StealEverything", "{}"), 400, "UnknownOperationException");
		assertError(send("kms.Decrypt", "{}"), 400, "UnknownOperationException");
	}

	@Test
	void missingTargetIsUnknownOperation() throws Exception {
		assertError(send(null, "{}"), 400, "UnknownOperationException");
	}

	@Test
	void oversizedBodyIsRefused() throws Exception {
		byte[] body = new byte[2 * 1024 * 1024];
		java.util.Arrays.fill(body, (byte) 'x');
		HttpResponse<String> response = send("secretsmanager.CreateSecret", body, false);
		assertError(response, 413, "RequestEntityTooLargeException");
	}

	@Test
	void invalidBase64IsSerializationException() throws Exception {
		assertError(send("secretsmanager.CreateSecret", "{\"Name\":\"b\",\"SecretBinary\":\"***\"}"), 400,
				"SerializationException");
	}

	@Test
	void invalidNextTokenIsRefused() throws Exception {
		assertError(send("secretsmanager.ListSecrets", "{\"NextToken\":\"garbage\"}"), 400, "InvalidNextTokenException");
	}

	@Test
	void getRequestIsAnErrorNotACrash() throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(this.server.endpoint().resolve("/")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
		assertStillServing();
	}

}
