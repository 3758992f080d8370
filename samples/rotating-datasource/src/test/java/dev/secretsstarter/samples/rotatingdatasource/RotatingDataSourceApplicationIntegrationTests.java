package dev.secretsstarter.samples.rotatingdatasource;

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
 * local mode) — on a free port, and reads its statistics over HTTP while the password rotates.
 */
@ExtendWith(OutputCaptureExtension.class)
class RotatingDataSourceApplicationIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		this.context = SpringApplication.run(RotatingDataSourceApplication.class, "--server.port=0",
				"--demo.rotation.interval=1s");
	}

	@AfterEach
	void stop() {
		this.context.close();
	}

	@Test
	void runsQueriesWithoutASingleFailureAcrossRotations() throws Exception {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
			.until(() -> stats().get("rotationsPickedUp").asInt() >= 3);
		JsonNode stats = stats();
		assertThat(stats.get("queriesRun").asLong()).isPositive();
		assertThat(stats.get("queriesFailed").asLong()).as("failed queries (last: %s)", stats.get("lastFailure"))
			.isZero();
	}

	@Test
	void neverShowsThePassword(CapturedOutput output) throws Exception {
		await().atMost(Duration.ofSeconds(60)).until(() -> stats().get("rotationsPickedUp").asInt() >= 1);
		assertThat(output).contains("/stats").doesNotContain("dummy-initial-password");
		assertThat(get("/stats")).doesNotContain("dummy-initial-password").doesNotContain("\"app\"");
	}

	private JsonNode stats() throws IOException, InterruptedException {
		return this.json.readTree(get("/stats"));
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
