package dev.secretsstarter.refresh;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.secretsstarter.autoconfigure.InvalidSecretsConfigurationException;
import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.inject.SecretValue;
import dev.secretsstarter.inject.SecretValueAutoConfiguration;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SecretRefreshAutoConfigurationTests {

	private LocalSecretsManager server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("app/api", "{\"key\":\"one\"}");
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SecretsManagerAutoConfiguration.class,
					SecretCacheAutoConfiguration.class, SecretValueAutoConfiguration.class,
					SecretRefreshAutoConfiguration.class))
			.withPropertyValues(LocalClients.properties(this.server, "secrets.client.max-attempts=1",
					"secrets.refresh.interval=1h"));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void defaultsPollEveryMinuteWithTenPercentJitterAndTheDescribeStrategy() {
		SecretRefreshProperties properties = new SecretRefreshProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getInterval()).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.getJitter()).isEqualTo(0.1);
		assertThat(properties.getStrategy()).isEqualTo(SecretRefreshProperties.DetectionStrategy.DESCRIBE);
		assertThat(properties.isLocalPush()).isTrue();
		assertThat(properties.getBackoff().getMax()).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void aRefresherIsCreatedWithTheCache() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(SecretsRefresher.class)
			.hasSingleBean(CloudBeanRefresher.class));
	}

	@Test
	void backsOffWhenSecretsAreDisabled() {
		this.runner.withPropertyValues("secrets.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecretsRefresher.class));
	}

	@Test
	void aZeroIntervalFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("secrets.refresh.interval=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidSecretsConfigurationException.class)
				.hasMessageContaining("secrets.refresh.interval"));
	}

	@Test
	void aJitterAboveOneHalfFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("secrets.refresh.jitter=0.9")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidSecretsConfigurationException.class)
				.hasMessageContaining("secrets.refresh.jitter"));
	}

	@Test
	void aHealthFailureThresholdBelowOneFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("secrets.refresh.health-failure-threshold=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidSecretsConfigurationException.class)
				.hasMessageContaining("secrets.refresh.health-failure-threshold"));
	}

	@Test
	void withoutSpringCloudContextSecretValueSitesStillFollowARotation() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.cloud"))
			.withUserConfiguration(Consumer.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(CloudBeanRefresher.class);
				Holder holder = context.getBean(Holder.class);
				assertThat(holder.key).isEqualTo("one");
				this.server.putSecretValue("app/api", "{\"key\":\"two\"}");
				assertThat(context.getBean(SecretsRefresher.class).refreshNow().changed()).isEqualTo(1);
				assertThat(holder.key).isEqualTo("two");
			});
	}

	@Test
	void refreshScopedBeansWithoutARegisteredRefreshScopeAreReportedAtStartUp(CapturedOutput output) {
		this.runner.withUserConfiguration(RefreshScoped.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("Beans [refreshScopedClient] are in the 'refresh' scope, but no RefreshScope "
					+ "is registered");
		});
	}

	@Test
	void pollsWaitTheIntervalVariedByTheJitter() {
		this.runner.withPropertyValues("secrets.refresh.interval=10s", "secrets.refresh.jitter=0.2").run((context) -> {
			SecretsRefresher refresher = context.getBean(SecretsRefresher.class);
			for (int i = 0; i < 50; i++) {
				assertThat(refresher.nextDelay(0)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
			}
		});
	}

	@Test
	void failedPollsDoubleTheWaitUpToTheBackoffMaximum() {
		this.runner
			.withPropertyValues("secrets.refresh.interval=10s", "secrets.refresh.jitter=0",
					"secrets.refresh.backoff.max=1m")
			.run((context) -> {
				SecretsRefresher refresher = context.getBean(SecretsRefresher.class);
				assertThat(refresher.nextDelay(1)).isEqualTo(Duration.ofSeconds(20));
				assertThat(refresher.nextDelay(2)).isEqualTo(Duration.ofSeconds(40));
				assertThat(refresher.nextDelay(3)).isEqualTo(Duration.ofMinutes(1));
				assertThat(refresher.nextDelay(40)).isEqualTo(Duration.ofMinutes(1));
			});
	}

	@Test
	void everyRefreshAndDataSourcePropertyIsDocumented() throws IOException {
		Map<String, String> properties = new LinkedHashMap<>();
		JsonMapper mapper = JsonMapper.builder().build();
		for (URL url : Collections.list(getClass().getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : mapper.readTree(in).path("properties")) {
					String name = property.path("name").asString();
					if (name.startsWith("secrets.refresh.") || name.startsWith("secrets.datasource.")) {
						properties.put(name, property.path("description").asString(""));
					}
				}
			}
		}
		assertThat(properties).containsOnlyKeys("secrets.refresh.enabled", "secrets.refresh.interval",
				"secrets.refresh.jitter", "secrets.refresh.strategy", "secrets.refresh.local-push",
				"secrets.refresh.backoff.max", "secrets.refresh.health-failure-threshold",
				"secrets.datasource.secret-id", "secrets.datasource.username-key", "secrets.datasource.password-key");
		properties.forEach((name, description) -> assertThat(description).as(name).isNotBlank().doesNotContain("{@"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Consumer {

		@Bean
		Holder holder() {
			return new Holder();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RefreshScoped {

		@Bean
		@org.springframework.context.annotation.Scope("refresh")
		Holder refreshScopedClient() {
			return new Holder();
		}

	}

	static class Holder {

		@SecretValue(id = "app/api", key = "key")
		volatile String key;

	}

}
