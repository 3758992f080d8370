package dev.secretsstarter.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.core.SecretsException;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.refresh.SecretsRefresher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The {@code secrets} health contributor with polling off ({@code secrets.refresh.enabled=false}):
 * nothing checks the secrets on a schedule, so health rechecks the ones it reports failed itself, in
 * the background, at most once per {@code secrets.refresh.interval}. A real web application against
 * secrets-local, with faults injected.
 */
class SecretsHealthWithoutPollingIntegrationTests {

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
		List<String> properties = new ArrayList<>(List.of("secrets.refresh.enabled=false"));
		properties.addAll(List.of(more));
		ObservedApplication application = ObservedApplication.run(this.server, properties.toArray(String[]::new));
		this.applications.add(application);
		return application;
	}

	private String status(ObservedApplication app) {
		return app.json(app.get("/actuator/health/secrets")).get("status").asString();
	}

	@Test
	void healthIsUpAgainAfterTheServiceRecoversThoughNothingReadsTheFailedSecretAgain() {
		ObservedApplication app = run("secrets.refresh.interval=1ms", "secrets.cache.max-staleness=1ms");
		this.server.faults().errorRate("*", 1.0);
		// A read of a value past its maximum staleness refreshes it, as a DataSource's next connection does.
		SecretCache cache = app.context.getBean(SecretCache.class);
		assertThatExceptionOfType(SecretsException.class).isThrownBy(() -> cache.get(SecretKey.current("api/key")));
		assertThat(status(app)).isEqualTo("DOWN");
		this.server.faults().clear();
		await().atMost(BOUND).until(() -> "UP".equals(status(app)));
	}

	@Test
	void healthRechecksAFailedSecretAtMostOncePerInterval() {
		ObservedApplication app = run("secrets.refresh.interval=1h");
		this.server.faults().errorRate("DescribeSecret", 1.0);
		app.post("/actuator/secrets");
		this.server.requests().reset();
		for (int i = 0; i < 3; i++) {
			assertThat(status(app)).isEqualTo("DEGRADED");
		}
		// Queued behind any recheck: once it returns, the rechecks asked for so far have run.
		app.context.getBean(SecretsRefresher.class).refreshNow(List.of("no/such-secret"));
		// One recheck: one DescribeSecret per failed secret (db/credentials, api/key).
		assertThat(this.server.requests().count("DescribeSecret")).isEqualTo(2);
	}

	@Test
	void healthWithPollingOnMakesNoApiCall() {
		ObservedApplication app = run("secrets.refresh.enabled=true");
		this.server.faults().errorRate("DescribeSecret", 1.0);
		app.post("/actuator/secrets");
		this.server.requests().reset();
		assertThat(status(app)).isEqualTo("DEGRADED");
		app.context.getBean(SecretsRefresher.class).refreshNow(List.of("no/such-secret"));
		assertThat(this.server.requests().counts()).isEmpty();
	}

}
