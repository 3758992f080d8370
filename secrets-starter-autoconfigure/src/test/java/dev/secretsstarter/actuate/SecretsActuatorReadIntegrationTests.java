package dev.secretsstarter.actuate;

import java.net.http.HttpResponse;
import dev.secretsstarter.local.LocalSecretsManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-only checks, sharing one running application.
 */
@TestInstance(Lifecycle.PER_CLASS)
class SecretsActuatorReadIntegrationTests {

	private static final String PASSWORD = "pw-marker-5d1e";

	private static final String TOKEN = "token-marker-77aa";

	private LocalSecretsManager server;

	private ObservedApplication application;

	@BeforeAll
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("db/credentials", "{\"username\":\"app-user\",\"password\":\"" + PASSWORD + "\"}");
		this.server.createSecret("api/key", "{\"token\":\"" + TOKEN + "\"}");
		this.application = ObservedApplication.run(this.server);
	}

	@AfterAll
	void stop() {
		this.application.close();
		this.server.close();
	}

	private ObservedApplication run() {
		return this.application;
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
	void endpointAnswers404ForASecretNotTracked() {
		ObservedApplication app = run();
		assertThat(app.get("/actuator/secrets/no/such").statusCode()).isEqualTo(404);
	}

	@Test
	void refreshingASecretTheApplicationDoesNotUseAnswers404NamingItAndCallsNothing() {
		ObservedApplication app = run();
		this.server.requests().reset();
		HttpResponse<String> refresh = app.post("/actuator/secrets/no/such");
		assertThat(refresh.statusCode()).isEqualTo(404);
		JsonNode body = app.json(refresh);
		assertThat(body.get("secretId").asString()).isEqualTo("no/such");
		assertThat(body.get("error").asString()).contains("'no/such'").contains("not used by this application");
		assertThat(this.server.requests().counts()).isEmpty();
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
