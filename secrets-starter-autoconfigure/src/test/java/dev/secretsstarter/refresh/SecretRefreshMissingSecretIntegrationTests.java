package dev.secretsstarter.refresh;

import java.time.Duration;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.inject.SecretHandle;
import dev.secretsstarter.inject.SecretValue;
import dev.secretsstarter.inject.SecretValueAutoConfiguration;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An optional {@code @SecretValue} whose secret does not exist yet: polling it is an answer
 * ("still absent"), not a failed check, so it neither backs off polling nor degrades health; and
 * the secret is served once it is created. Real application, real SDK client, secrets-local.
 */
class SecretRefreshMissingSecretIntegrationTests {

	private static final Duration BOUND = Duration.ofSeconds(10);

	private LocalSecretsManager server;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.server.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "describe", "batch" })
	void aMissingOptionalSecretIsNotAFailedCheckAndIsServedOnceCreated(String strategy) {
		this.context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties(LocalClients.properties(this.server, "secrets.client.max-attempts=1",
					"secrets.refresh.interval=100ms", "secrets.refresh.strategy=" + strategy))
			.run();
		SecretsRefresher refresher = this.context.getBean(SecretsRefresher.class);
		LaterUser user = this.context.getBean(LaterUser.class);
		assertThat(user.handle.get()).isNull();
		await().atMost(BOUND).until(() -> refresher.status().polls() >= 3);
		SecretRefreshStatus status = refresher.status();
		assertThat(status.trackedKeys()).isEqualTo(1);
		assertThat(status.checkFailures()).isZero();
		assertThat(status.consecutiveFailedPolls()).isZero();
		assertThat(status.lastFailureKind()).isNull();
		this.server.createSecret("later/created", "created-value");
		await().atMost(BOUND).until(() -> "created-value".equals(user.handle.get()));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class,
			SecretValueAutoConfiguration.class, SecretRefreshAutoConfiguration.class })
	@Import(LaterUser.class)
	static class App {

	}

	static class LaterUser {

		final SecretHandle<String> handle;

		LaterUser(@SecretValue(id = "later/created", required = false) SecretHandle<String> handle) {
			this.handle = handle;
		}

	}

}
