package dev.secretsstarter.actuate;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.secretsstarter.local.LocalSecretsManager;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a real application through start-up, rotations, failures and every actuator endpoint with
 * marker values in its secrets, and proves that no marker reaches a log line, an HTTP response or
 * a meter.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsLeakIntegrationTests {

	private static final String MARKER = "LEAKMARKER";

	@Test
	void noSecretValueAppearsInLogsResponsesOrMeters(CapturedOutput output) {
		List<String> captured = new ArrayList<>();
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start()) {
			server.createSecret("db/credentials",
					"{\"username\":\"" + MARKER + "-user\",\"password\":\"" + MARKER + "-password\"}");
			server.createSecret("api/key", "{\"token\":\"" + MARKER + "-token\"}");
			try (ObservedApplication app = ObservedApplication.run(server, "logging.level.dev.secretsstarter=DEBUG",
					"secrets.metrics.secret-id-tags=true")) {
				// The markers are really in the application (so this test can fail).
				assertThat(app.context.getEnvironment().getProperty("db.password")).isEqualTo(MARKER + "-password");
				assertThat(app.context.getBean(ObservedApplication.Injected.class).token).isEqualTo(MARKER + "-token");
				readEverything(app, captured);

				server.putSecretValue("db/credentials",
						"{\"username\":\"" + MARKER + "-user\",\"password\":\"" + MARKER + "-rotated\"}");
				captured.add(app.post("/actuator/secrets/db/credentials").body());
				assertThat(app.context.getEnvironment().getProperty("db.password")).isEqualTo(MARKER + "-rotated");

				server.faults().fail("*", "InternalServiceError", 500, 1);
				captured.add(app.post("/actuator/secrets/db/credentials").body());
				server.faults().throttle("*", 1);
				captured.add(app.post("/actuator/secrets/api/key").body());
				// A new version that is not valid JSON: kept out, with a warning naming the secret.
				server.putSecretValue("api/key", "{\"token\": " + MARKER + "-broken");
				captured.add(app.post("/actuator/secrets").body());
				// End on a failure, so the endpoints also show a stale secret and its last error.
				server.faults().fail("*", "InternalServiceError", 500, 1);
				captured.add(app.post("/actuator/secrets/db/credentials").body());
				readEverything(app, captured);

				MeterRegistry registry = app.context.getBean(MeterRegistry.class);
				for (Meter meter : registry.getMeters()) {
					captured.add(meter.getId().toString());
					meter.measure().forEach((measurement) -> captured.add(measurement.toString()));
				}
				assertThat(captured.stream().anyMatch((text) -> text.contains("secrets.api.calls"))).isTrue();
				assertThat(captured.stream().anyMatch((text) -> text.contains("\"DEGRADED\""))).isTrue();
				assertThat(captured.stream().anyMatch((text) -> text.contains("\"STALE\""))).isTrue();
			}
		}
		assertThat(output.getAll()).contains("Secrets: 2 secret(s) loaded");
		assertThat(output.getAll()).doesNotContain(MARKER);
		for (String text : captured) {
			int at = text.indexOf(MARKER);
			assertThat(at).as(() -> "Leaked near: " + text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 50)))
				.isEqualTo(-1);
		}
	}

	private void readEverything(ObservedApplication app, List<String> captured) {
		for (String path : List.of("/actuator/secrets", "/actuator/secrets/db/credentials", "/actuator/health",
				"/actuator/health/secrets", "/actuator/env", "/actuator/env/db.password", "/actuator/env/db.username",
				"/actuator/env/app.copy", "/actuator/configprops", "/actuator/configprops/db",
				"/actuator/beans", "/actuator/conditions")) {
			HttpResponse<String> response = app.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			captured.add(response.body());
		}
		HttpResponse<String> metrics = app.get("/actuator/metrics");
		captured.add(metrics.body());
		JsonNode names = app.json(metrics).get("names");
		assertThat(names.toString()).contains("secrets.api.calls", "secrets.cache.gets", "secrets.stalest.age");
		for (JsonNode name : names) {
			captured.add(app.get("/actuator/metrics/" + name.asString()).body());
		}
	}

}
