package dev.secretsstarter.samples.quickstart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the sample as the README does — its main class, its own application.yml, no profile (so
 * local mode) — on a free port, and talks to it over HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuickstartApplicationIntegrationTests {

	private static final Duration BOUND = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		this.context = SpringApplication.run(QuickstartApplication.class, "--server.port=0",
				"--quickstart.rotation.interval=1s");
	}

	@AfterEach
	void stop() {
		this.context.close();
	}

	@Test
	void servesTheVersionInUseWithEveryConsumerOnIt() throws Exception {
		JsonNode report = secrets();
		assertThat(report.get("secret").asString()).isEqualTo("quickstart/api-credentials");
		assertThat(report.get("versionId").asString()).isNotBlank().isNotEqualTo("null");
		assertThat(report.get("consumers").properties()).hasSize(3)
			.allSatisfy((consumer) -> assertThat(consumer.getValue().asString()).isEqualTo("current"));
	}

	@Test
	void followsTheDemoRotationWithEveryConsumer() throws Exception {
		String first = secrets().get("versionId").asString();
		await().atMost(BOUND).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			JsonNode report = secrets();
			assertThat(report.get("versionId").asString()).isNotEqualTo(first);
			assertThat(report.get("rotationsSeen").asInt()).isPositive();
			assertThat(report.get("consumers").properties())
				.allSatisfy((consumer) -> assertThat(consumer.getValue().asString()).isEqualTo("current"));
		});
	}

	@Test
	void neverShowsTheTokenInTheResponseOrTheLog(CapturedOutput output) throws Exception {
		await().atMost(BOUND).until(() -> secrets().get("rotationsSeen").asInt() > 0);
		String body = get("/secrets");
		String token = this.json
			.readTree(this.context.getBean(SecretsManagerClient.class)
				.getSecretValue((request) -> request.secretId("quickstart/api-credentials"))
				.secretString())
			.get("token")
			.asString();
		assertThat(output).contains("Rotation detected: quickstart/api-credentials").doesNotContain(token);
		assertThat(body).doesNotContain(token);
		assertThat(output).doesNotContain("dummy-token-0");
	}

	@Test
	void tellsWhereToLook(CapturedOutput output) {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		assertThat(output).contains("Open http://127.0.0.1:" + port + "/secrets");
	}

	private JsonNode secrets() throws IOException, InterruptedException {
		return this.json.readTree(get("/secrets"));
	}

	private String get(String path) throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
