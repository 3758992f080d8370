package dev.secretsstarter.actuate;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.local.LocalSecretsManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsActuatorIntegrationTests {

	private static final String PASSWORD = "pw-marker-5d1e";

	private static final String TOKEN = "token-marker-77aa";

	private LocalSecretsManager server;

	private final List<ObservedApplication> applications = new ArrayList<>();

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("db/credentials", "{\"username\":\"app-user\",\"password\":\"" + PASSWORD + "\"}");
		this.server.createSecret("api/key", "{\"token\":\"" + TOKEN + "\"}");
	}

	@AfterEach
	void stop() {
		this.applications.forEach(ObservedApplication::close);
		this.server.close();
	}

	private ObservedApplication run(String... properties) {
		ObservedApplication application = ObservedApplication.run(this.server, properties);
		this.applications.add(application);
		return application;
	}

	private static JsonNode entry(JsonNode secrets, String secretId) {
		for (JsonNode secret : secrets) {
			if (secret.get("secretId").asString().equals(secretId)) {
				return secret;
			}
		}
		throw new AssertionError("No entry for " + secretId + " in " + secrets);
	}

	@Test
	void refreshingOneSecretPicksUpARotationEverywhere() {
		ObservedApplication app = run();
		String before = entry(app.json(app.get("/actuator/secrets")).get("secrets"), "db/credentials").get("versionId")
			.asString();
		this.server.putSecretValue("db/credentials", "{\"username\":\"app-user\",\"password\":\"rotated-pw\"}");
		HttpResponse<String> response = app.post("/actuator/secrets/db/credentials");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = app.json(response).get("refreshed").get(0);
		assertThat(result.get("secretId").asString()).isEqualTo("db/credentials");
		assertThat(result.get("previousVersionId").asString()).isEqualTo(before);
		assertThat(result.get("versionId").asString()).isNotEqualTo(before);
		assertThat(result.get("changed").asBoolean()).isTrue();
		assertThat(result.get("error").isNull()).isTrue();
		assertThat(app.context.getEnvironment().getProperty("db.password")).isEqualTo("rotated-pw");
		// Through the rotation machinery: dependent @ConfigurationProperties beans are rebound.
		assertThat(app.context.getBean(ObservedApplication.DbProperties.class).getPassword()).isEqualTo("rotated-pw");
	}

	@Test
	void refreshingASecretReadOnlyThroughTheCachePicksUpItsNewVersion() {
		this.server.createSecret("reports/token", "{\"token\":\"first\"}");
		ObservedApplication app = run();
		SecretCache cache = app.context.getBean(SecretCache.class);
		String before = cache.get(SecretKey.current("reports/token")).versionId();
		this.server.putSecretValue("reports/token", "{\"token\":\"second\"}");
		JsonNode result = app.json(app.post("/actuator/secrets/reports/token")).get("refreshed").get(0);
		assertThat(result.get("previousVersionId").asString()).isEqualTo(before);
		assertThat(result.get("versionId").asString()).isNotEqualTo(before);
		assertThat(result.get("changed").asBoolean()).isTrue();
		assertThat(cache.getIfPresent(SecretKey.current("reports/token")).versionId())
			.isEqualTo(result.get("versionId").asString());
	}

	@Test
	void endpointShowsTheStateOfRotationDetection() {
		ObservedApplication app = run();
		app.post("/actuator/secrets/db/credentials");
		JsonNode refresh = app.json(app.get("/actuator/secrets")).get("refresh");
		assertThat(refresh.get("enabled").asBoolean()).isTrue();
		assertThat(refresh.get("strategy").asString()).isEqualTo("DESCRIBE");
		assertThat(refresh.get("polls").asLong()).isEqualTo(1);
		assertThat(refresh.get("lastPoll").get("trigger").asString()).isEqualTo("MANUAL");
	}

	@Test
	void refreshingAllSecretsReportsEachAndReinjectsSecretValueSites() {
		ObservedApplication app = run();
		this.server.putSecretValue("api/key", "{\"token\":\"rotated-token\"}");
		JsonNode refreshed = app.json(app.post("/actuator/secrets")).get("refreshed");
		assertThat(refreshed.size()).isEqualTo(2);
		assertThat(entry(refreshed, "api/key").get("changed").asBoolean()).isTrue();
		assertThat(entry(refreshed, "db/credentials").get("changed").asBoolean()).isFalse();
		ObservedApplication.Injected injected = app.context.getBean(ObservedApplication.Injected.class);
		assertThat(injected.token).isEqualTo("rotated-token");
		assertThat(injected.handle.get()).isEqualTo("rotated-token");
	}

	@Test
	void aFailedRefreshIsReportedAndTheSecretServedStale() {
		ObservedApplication app = run();
		this.server.faults().fail("*", "InternalServiceError", 500, 1);
		JsonNode result = app.json(app.post("/actuator/secrets/db/credentials")).get("refreshed").get(0);
		assertThat(result.get("error").asString()).contains("db/credentials");
		assertThat(result.get("changed").asBoolean()).isFalse();
		JsonNode db = entry(app.json(app.get("/actuator/secrets")).get("secrets"), "db/credentials");
		assertThat(db.get("state").asString()).isEqualTo("STALE");
		assertThat(db.get("lastError").asString()).contains("db/credentials");
		assertThat(db.get("lastErrorAt").isNull()).isFalse();
		assertThat(app.context.getEnvironment().getProperty("db.password")).isEqualTo(PASSWORD);
	}

	@Test
	void healthIsDegradedWhileAValueIsServedStaleWithoutChangingTheOverallStatusByDefault() {
		ObservedApplication app = run();
		this.server.faults().fail("*", "InternalServiceError", 500, 1);
		app.post("/actuator/secrets/db/credentials");
		JsonNode health = app.json(app.get("/actuator/health/secrets"));
		assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
		assertThat(health.get("details").get("stale").toString()).contains("db/credentials@AWSCURRENT");
		HttpResponse<String> overall = app.get("/actuator/health");
		assertThat(overall.statusCode()).isEqualTo(200);
		assertThat(app.json(overall).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void degradedCanBeMadeTheOverallStatusAndMappedToAnHttpStatus() {
		ObservedApplication app = run("management.endpoint.health.status.order=down,out-of-service,degraded,up,unknown",
				"management.endpoint.health.status.http-mapping.degraded=503");
		this.server.faults().fail("*", "InternalServiceError", 500, 1);
		app.post("/actuator/secrets/db/credentials");
		HttpResponse<String> overall = app.get("/actuator/health");
		assertThat(overall.statusCode()).isEqualTo(503);
		assertThat(app.json(overall).get("status").asString()).isEqualTo("DEGRADED");
	}

}
