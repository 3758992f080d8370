package dev.secretsstarter.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.core.SecretsOperations;
import dev.secretsstarter.inject.SecretValueAutoConfiguration;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.metrics.SecretsMetricsAutoConfiguration;
import dev.secretsstarter.refresh.SecretRefreshAutoConfiguration;
import dev.secretsstarter.refresh.SecretsRefresher;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK client is built when a secret is first needed, not at start-up: an application that
 * reads no secret never pays for it, and the one client bean serves every component once built.
 */
class SecretsManagerClientCreationIntegrationTests {

	private final AtomicInteger clientsBuilt = new AtomicInteger();

	private LocalSecretsManager server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("app/api", "{\"key\":\"one\"}");
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SecretsManagerAutoConfiguration.class,
					SecretValueAutoConfiguration.class, SecretCacheAutoConfiguration.class,
					SecretRefreshAutoConfiguration.class, SecretsMetricsAutoConfiguration.class))
			.withPropertyValues(LocalClients.properties(this.server, "secrets.client.max-attempts=1",
					"secrets.refresh.interval=1h"))
			.withBean(SecretsManagerClientCustomizer.class, () -> (builder) -> this.clientsBuilt.incrementAndGet());
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void noClientIsBuiltWhenNoSecretIsInUse() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(SecretsManagerClient.class)
				.hasSingleBean(SecretCache.class)
				.hasSingleBean(SecretsRefresher.class);
			assertThat(context.getBeanFactory().containsSingleton("secretsManagerClient")).isFalse();
			assertThat(context.getBeanFactory().containsSingleton("secretsTemplate")).isFalse();
			assertThat(this.clientsBuilt).hasValue(0);
		});
	}

	@Test
	void theFirstCacheMissBuildsTheClientBean() {
		this.runner.run((context) -> {
			String value = context.getBean(SecretCache.class).get(SecretKey.current("app/api")).stringValue();
			assertThat(value).isEqualTo("{\"key\":\"one\"}");
			assertThat(context.getBeanFactory().containsSingleton("secretsManagerClient")).isTrue();
			assertThat(this.clientsBuilt).hasValue(1);
		});
	}

	@Test
	void theCacheAndAnInjectionPointShareOneClient() {
		this.runner.run((context) -> {
			SecretsManagerClient injected = context.getBean(SecretsManagerClient.class);
			context.getBean(SecretCache.class).get(SecretKey.current("app/api"));
			assertThat(context.getBean(SecretsManagerClient.class)).isSameAs(injected);
			assertThat(this.clientsBuilt).hasValue(1);
		});
	}

	@Test
	void theTemplateIsCreatedWhenInjected() {
		this.runner.run((context) -> {
			assertThat(context.getBean(SecretsOperations.class).getString("app/api")).isEqualTo("{\"key\":\"one\"}");
			assertThat(this.clientsBuilt).hasValue(1);
		});
	}

}
