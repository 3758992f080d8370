package dev.secretsstarter.refresh;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.inject.SecretHandle;
import dev.secretsstarter.inject.SecretValue;
import dev.secretsstarter.inject.SecretValueAutoConfiguration;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code batch} detection strategy with one secret named two ways. Real application, real SDK
 * client, secrets-local.
 */
class SecretRefreshBatchStrategyIntegrationTests {

	private LocalSecretsManager server;

	private ConfigurableApplicationContext context;

	private String arn;

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("app/token", "token-value-1");
		try (SecretsManagerClient client = LocalClients.builder(this.server).build()) {
			this.arn = client.describeSecret((request) -> request.secretId("app/token")).arn();
		}
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.server.close();
	}

	@Test
	void aSecretUsedByNameAndByArnIsCheckedUnderBothAndBothFollowARotation() {
		this.context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties(LocalClients.properties(this.server, "secrets.client.max-attempts=1",
					"secrets.refresh.interval=1h", "secrets.refresh.strategy=batch", "secrets.refresh.local-push=false",
					"token.arn=" + this.arn))
			.run();
		SecretsRefresher refresher = this.context.getBean(SecretsRefresher.class);
		User user = this.context.getBean(User.class);
		assertThat(refresher.trackedKeys()).hasSize(2);
		SecretPollResult steady = refresher.refreshNow();
		assertThat(steady.checked()).isEqualTo(2);
		assertThat(steady.failures()).isEmpty();
		this.server.putSecretValue("app/token", "token-value-2");
		SecretPollResult rotated = refresher.refreshNow();
		assertThat(rotated.failures()).isEmpty();
		assertThat(rotated.changed()).isEqualTo(2);
		assertThat(user.byName.get()).isEqualTo("token-value-2");
		assertThat(user.byArn.get()).isEqualTo("token-value-2");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class,
			SecretValueAutoConfiguration.class, SecretRefreshAutoConfiguration.class })
	@Import(User.class)
	static class App {

	}

	static class User {

		final SecretHandle<String> byName;

		final SecretHandle<String> byArn;

		User(@SecretValue("app/token") SecretHandle<String> byName, @SecretValue("${token.arn}") SecretHandle<String> byArn) {
			this.byName = byName;
			this.byArn = byArn;
		}

	}

}
