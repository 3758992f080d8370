package dev.secretsstarter.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.DefaultRequest;
import com.amazonaws.auth.AWS4Signer;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.http.HttpMethodName;
import com.amazonaws.services.secretsmanager.AWSSecretsManager;
import com.amazonaws.services.secretsmanager.AWSSecretsManagerClientBuilder;
import com.amazonaws.services.secretsmanager.model.CreateSecretRequest;
import com.amazonaws.services.secretsmanager.model.GetSecretValueRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients other than SDK v2 sign other header sets; the server verifies what each client signed.
 * Requests "as botocore signs them" are signed by SDK v1's {@link AWS4Signer} (an implementation
 * independent of the server's): {@code content-type;host;user-agent;x-amz-date;x-amz-target}, no
 * {@code x-amz-content-sha256}.
 */
class SignatureCompatibilityIntegrationTests extends AbstractServerIntegrationTests {

	private static final String BODY = "{\"SecretId\":\"s\"}";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void sdkV1ClientWithItsDefaultSignerCreatesAndReadsASecret() {
		AWSSecretsManager v1 = AWSSecretsManagerClientBuilder.standard()
			.withEndpointConfiguration(new EndpointConfiguration(this.server.endpoint().toString(), "us-east-1"))
			.withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("test", "test")))
			.build();
		try {
			v1.createSecret(new CreateSecretRequest().withName("v1").withSecretString("dummy-v1"));
			assertThat(v1.getSecretValue(new GetSecretValueRequest().withSecretId("v1")).getSecretString())
				.isEqualTo("dummy-v1");
		}
		finally {
			v1.shutdown();
		}
	}

	@Test
	void requestSigningUserAgentWithoutPayloadHeaderIsAccepted() throws Exception {
		this.server.createSecret("s", "dummy");
		Map<String, String> signed = signLikeBotocore(BODY);
		assertThat(signed.get("Authorization"))
			.contains("SignedHeaders=content-type;host;user-agent;x-amz-date;x-amz-target,");
		assertThat(signed).doesNotContainKey("x-amz-content-sha256");
		HttpResponse<String> response = send(signed, BODY);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"SecretString\":\"dummy\"");
	}

	@Test
	void signedHeaderChangedAfterSigningIsInvalidSignature() throws Exception {
		this.server.createSecret("s", "dummy");
		Map<String, String> signed = signLikeBotocore(BODY);
		signed.put("User-Agent", "aws-cli/2.0 changed");
		assertInvalidSignature(send(signed, BODY));
	}

	@Test
	void bodyChangedAfterSigningIsInvalidSignature() throws Exception {
		this.server.createSecret("s", "dummy");
		this.server.createSecret("t", "other-dummy");
		assertInvalidSignature(send(signLikeBotocore(BODY), "{\"SecretId\":\"t\"}"));
	}

	@Test
	void headerOutsideSignedHeadersMayChangeFreely() throws Exception {
		this.server.createSecret("s", "dummy");
		Map<String, String> signed = signLikeBotocore(BODY);
		signed.put("X-Amzn-Trace-Id", "Root=1-anything");
		signed.put("X-Unsigned", "any value at all");
		assertThat(send(signed, BODY).statusCode()).isEqualTo(200);
	}

	@Test
	void payloadHeaderThatDoesNotMatchTheBodyIsInvalidSignature() throws Exception {
		this.server.createSecret("s", "dummy");
		this.server.createSecret("t", "other-dummy");
		// Signed over a payload hash header, then the body is swapped and the header kept.
		Map<String, String> signed = sign(BODY, Map.of("x-amz-content-sha256", sha256Hex(BODY)));
		assertThat(signed.get("Authorization")).contains("x-amz-content-sha256");
		assertThat(send(signed, BODY).statusCode()).isEqualTo(200);
		this.server.requests().reset();
		assertInvalidSignature(send(signed, "{\"SecretId\":\"t\"}"));
	}

	private Map<String, String> signLikeBotocore(String body) {
		return sign(body, Map.of());
	}

	private Map<String, String> sign(String body, Map<String, String> extraHeaders) {
		DefaultRequest<Void> request = new DefaultRequest<>("secretsmanager");
		request.setHttpMethod(HttpMethodName.POST);
		request.setEndpoint(this.server.endpoint());
		request.setResourcePath("/");
		request.addHeader("Content-Type", "application/x-amz-json-1.1");
		request.addHeader("X-Amz-Target", "secretsmanager.GetSecretValue");
		request.addHeader("User-Agent", "aws-cli/2.15.0 Python/3.11 botocore/2.4.5");
		extraHeaders.forEach(request::addHeader);
		request.setContent(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
		AWS4Signer signer = new AWS4Signer();
		signer.setServiceName("secretsmanager");
		signer.setRegionName("us-east-1");
		signer.sign(request, new BasicAWSCredentials("test", "test"));
		Map<String, String> headers = new LinkedHashMap<>(request.getHeaders());
		// The HTTP client sends the same Host itself (127.0.0.1:port) and refuses to let it be set.
		headers.remove("Host");
		return headers;
	}

	private HttpResponse<String> send(Map<String, String> headers, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.server.endpoint() + "/"))
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void assertInvalidSignature(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"__type\":\"InvalidSignatureException\"").doesNotContain("dummy");
		assertThat(this.server.requests().count("GetSecretValue")).isZero();
	}

	private static String sha256Hex(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
