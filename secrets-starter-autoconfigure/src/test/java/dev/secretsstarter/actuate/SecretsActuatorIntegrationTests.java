package dev.secretsstarter.actuate;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

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
	void endpointListsEveryTrackedSecretWithItsVersionUsagesAndTimes() {
		ObservedApplication app = run();
		HttpResponse<String> response = app.get("/actuator/secrets");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = app.json(response);
		JsonNode db = entry(body.get("secrets"), "db/credentials");
		assertThat(db.get("versionStage").asString()).isEqualTo("AWSCURRENT");
		assertThat(db.get("versionId").asString()).isNotEmpty();
		assertThat(db.get("stages").toString()).contains("AWSCURRENT");
		assertThat(db.get("usages").toString()).contains("import aws-secretsmanager:db/credentials?prefix=db.");
		assertThat(db.get("state").asString()).isEqualTo("FRESH");
		assertThat(db.get("fetchedAt").isNull()).isFalse();
		assertThat(db.get("lastCheckedAt").isNull()).isFalse();
		assertThat(db.get("age").isNull()).isFalse();
		assertThat(db.get("lastError").isNull()).isTrue();
		JsonNode api = entry(body.get("secrets"), "api/key");
		assertThat(api.get("usages").toString()).contains("@SecretValue injected.token", "SecretHandle injected.handle");
		assertThat(body.get("maxStaleness").isNull()).isFalse();
		assertThat(response.body()).doesNotContain(PASSWORD, TOKEN, "app-user");
	}

	@Test
	void endpointReadsOneSecretWhoseIdContainsSlashes() {
		ObservedApplication app = run();
		HttpResponse<String> response = app.get("/actuator/secrets/db/credentials");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = app.json(response);
		assertThat(body.size()).isEqualTo(1);
		assertThat(body.get(0).get("secretId").asString()).isEqualTo("db/credentials");
	}

	@Test
	void endpointAnswers404ForASecretNotTrackedAndRefreshesNothing() {
		ObservedApplication app = run();
		assertThat(app.get("/actuator/secrets/no/such").statusCode()).isEqualTo(404);
		HttpResponse<String> refresh = app.post("/actuator/secrets/no/such");
		assertThat(refresh.statusCode()).isEqualTo(200);
		assertThat(app.json(refresh).get("refreshed").size()).isZero();
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
		this.server.faults().fail("GetSecretValue", "InternalServiceError", 500, 1);
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
	void healthIsUpWhileRefreshesSucceed() {
		ObservedApplication app = run();
		HttpResponse<String> response = app.get("/actuator/health/secrets");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = app.json(response);
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("details").get("secrets").asInt()).isEqualTo(2);
	}

	@Test
	void healthIsDegradedWhileAValueIsServedStaleWithoutChangingTheOverallStatusByDefault() {
		ObservedApplication app = run();
		this.server.faults().fail("GetSecretValue", "InternalServiceError", 500, 1);
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
		this.server.faults().fail("GetSecretValue", "InternalServiceError", 500, 1);
		app.post("/actuator/secrets/db/credentials");
		HttpResponse<String> overall = app.get("/actuator/health");
		assertThat(overall.statusCode()).isEqualTo(503);
		assertThat(app.json(overall).get("status").asString()).isEqualTo("DEGRADED");
	}

	@Test
	void envMasksImportedValuesEvenWhenShowValuesIsAlways() {
		ObservedApplication app = run();
		HttpResponse<String> env = app.get("/actuator/env");
		assertThat(env.statusCode()).isEqualTo(200);
		assertThat(env.body()).contains("visible-plain-value").contains("aws-secretsmanager:db/credentials");
		assertThat(env.body()).doesNotContain(PASSWORD, "app-user");
		HttpResponse<String> one = app.get("/actuator/env/db.password");
		assertThat(one.body()).contains("******").doesNotContain(PASSWORD);
	}

	@Test
	void envMasksAPropertyThatCopiesASecretThroughAPlaceholder() {
		ObservedApplication app = run();
		assertThat(app.context.getEnvironment().getProperty("app.copy")).isEqualTo(PASSWORD);
		HttpResponse<String> one = app.get("/actuator/env/app.copy");
		assertThat(one.body()).doesNotContain(PASSWORD);
	}

	@Test
	void configpropsMasksPropertiesBoundFromSecrets() {
		ObservedApplication app = run();
		assertThat(app.context.getBean(ObservedApplication.DbProperties.class).getPassword()).isEqualTo(PASSWORD);
		HttpResponse<String> configprops = app.get("/actuator/configprops");
		assertThat(configprops.statusCode()).isEqualTo(200);
		assertThat(configprops.body()).contains("visible-plain-value").contains("\"password\"");
		assertThat(configprops.body()).doesNotContain(PASSWORD, "app-user");
	}

}
