package dev.secretsstarter.refresh;

import java.time.Duration;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.inject.SecretValueAutoConfiguration;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.refresh.RefreshTestApplication.RotatedEvents;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rotation the cache takes into use while the context is still starting, after the refresher was
 * created but before it started (here a bean refreshes an imported secret, as a DataSource whose
 * password was rejected does): its event names only the properties that changed. Real application,
 * real SDK client, secrets-local.
 */
class SecretRefreshEarlyRotationIntegrationTests {

	private static LocalSecretsManager server;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		server = LocalSecretsManager.builder().build().start();
		server.createSecret("db/credentials", "{\"username\":\"app\",\"password\":\"db-one\"}");
	}

	@AfterEach
	void stop() {
		this.context.close();
		server.close();
	}

	@Test
	void aRotationTakenIntoUseBeforeStartUpReportsOnlyTheChangedProperties() {
		this.context = new SpringApplicationBuilder(EarlyRotationApplication.class).web(WebApplicationType.NONE)
			.properties(LocalClients.properties(server, "secrets.client.max-attempts=1", "secrets.refresh.interval=1h",
					"spring.config.import=aws-secretsmanager:db/credentials?prefix=db."))
			.run();
		RotatedEvents events = this.context.getBean(RotatedEvents.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> !events.events.isEmpty());
		assertThat(this.context.getEnvironment().getProperty("db.password")).isEqualTo("db-two");
		assertThat(events.events).singleElement()
			.satisfies((event) -> assertThat(event.getChangedPropertyNames()).containsExactly("db.password"));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class,
			SecretValueAutoConfiguration.class, SecretRefreshAutoConfiguration.class })
	static class EarlyRotationApplication {

		@Bean
		RotatedEvents rotatedEvents() {
			return new RotatedEvents();
		}

		// Created after the refresher (it depends on it), before the context starts it.
		@Bean
		EarlyRefresh earlyRefresh(SecretsRefresher refresher, SecretCache cache) {
			server.putSecretValue("db/credentials", "{\"username\":\"app\",\"password\":\"db-two\"}");
			cache.refresh(SecretKey.current("db/credentials"));
			return new EarlyRefresh();
		}

	}

	static class EarlyRefresh {

	}

}
