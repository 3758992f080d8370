package dev.secretsstarter.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.secretsstarter.local.LocalSecretsManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code secrets} health contributor when change detection keeps failing: a real web
 * application polling secrets-local every 100 ms, with faults injected into DescribeSecret.
 */
class SecretsHealthPollingIntegrationTests {

	private static final Duration BOUND = Duration.ofSeconds(10);

	private LocalSecretsManager server;

	private final List<ObservedApplication> applications = new ArrayList<>();

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("db/credentials", "{\"username\":\"app-user\",\"password\":\"pw-marker-91c2\"}");
		this.server.createSecret("api/key", "{\"token\":\"token-marker-3b07\"}");
	}

	@AfterEach
	void stop() {
		this.applications.forEach(ObservedApplication::close);
		this.server.close();
	}

	private ObservedApplication run(String... more) {
		List<String> properties = new ArrayList<>(List.of("secrets.refresh.interval=100ms",
				"secrets.refresh.backoff.max=200ms"));
		properties.addAll(List.of(more));
		ObservedApplication application = ObservedApplication.run(this.server, properties.toArray(String[]::new));
		this.applications.add(application);
		return application;
	}

	private JsonNode health(ObservedApplication app) {
		return app.json(app.get("/actuator/health/secrets"));
	}

	@Test
	void healthIsDegradedWhenPollsKeepFailingThoughNoCachedValueIsStale() {
		// A cache smaller than the tracked secrets: nothing cached can go stale, yet every poll fails.
		ObservedApplication app = run("secrets.cache.maximum-size=0");
		this.server.faults().errorRate("DescribeSecret", 1.0);
		await().atMost(BOUND).until(() -> "DEGRADED".equals(health(app).get("status").asString()));
		JsonNode details = health(app).get("details");
		assertThat(details.get("consecutiveFailedPolls").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(details.get("lastFailureKind").asString()).isEqualTo("SERVICE_ERROR");
		assertThat(details.has("stale")).isFalse();
	}

	@Test
	void healthNamesTheFailedPollsAndTheKindOfTheLastErrorNeverAValue() {
		ObservedApplication app = run();
		this.server.faults().fail("DescribeSecret", "ThrottlingException", 400, 1000);
		await().atMost(BOUND).until(() -> health(app).get("details").has("consecutiveFailedPolls"));
		String body = app.get("/actuator/health/secrets").body();
		JsonNode health = app.json(app.get("/actuator/health/secrets"));
		assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
		assertThat(health.get("details").get("lastFailureKind").asString()).isEqualTo("THROTTLED");
		assertThat(health.get("details").get("stale").toString()).contains("db/credentials@AWSCURRENT");
		assertThat(body).doesNotContain("pw-marker-91c2").doesNotContain("token-marker-3b07");
	}

	@Test
	void healthIsUpAgainOnceAPollSucceeds() {
		ObservedApplication app = run("secrets.cache.maximum-size=0");
		this.server.faults().errorRate("DescribeSecret", 1.0);
		await().atMost(BOUND).until(() -> "DEGRADED".equals(health(app).get("status").asString()));
		this.server.faults().clear();
		await().atMost(BOUND).until(() -> "UP".equals(health(app).get("status").asString()));
		assertThat(health(app).get("details").has("consecutiveFailedPolls")).isFalse();
	}

	@Test
	void theThresholdOfFailedPollsIsAProperty() {
		ObservedApplication app = run("secrets.cache.maximum-size=0", "secrets.refresh.health-failure-threshold=1",
				"secrets.refresh.interval=1h");
		this.server.faults().errorRate("DescribeSecret", 1.0);
		app.post("/actuator/secrets");
		JsonNode health = health(app);
		assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
		assertThat(health.get("details").get("consecutiveFailedPolls").asInt()).isEqualTo(1);
	}

}
