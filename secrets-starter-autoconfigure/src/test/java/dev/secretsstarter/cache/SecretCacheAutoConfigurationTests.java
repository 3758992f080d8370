package dev.secretsstarter.cache;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SecretCacheAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class))
		.withPropertyValues("secrets.region=us-east-1", "secrets.endpoint=http://127.0.0.1:1",
				"secrets.credentials.access-key=test", "secrets.credentials.secret-key=test");

	@Test
	void cacheUsagesAndClockAreCreated() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(CaffeineSecretCache.class)
			.hasSingleBean(SecretUsages.class)
			.hasSingleBean(Clock.class));
	}

	@Test
	void existingCacheIsUsed() {
		this.runner.withBean("secretCache", SecretCache.class, () -> new CaffeineSecretCache(
				LocalClients.builder(URI.create("http://127.0.0.1:1"))
					.build(),
				new SecretCacheProperties(), Clock.systemUTC()))
			.run((context) -> assertThat(context).hasSingleBean(SecretCache.class)
				.getBean("secretCache")
				.isSameAs(context.getBean(SecretCache.class)));
	}

	@Test
	void cacheSettingsAreBound() {
		this.runner.withPropertyValues("secrets.cache.max-staleness=10m", "secrets.cache.backoff.max=1m")
			.run((context) -> {
				SecretCacheProperties properties = context.getBean(SecretCacheProperties.class);
				assertThat(properties.getMaxStaleness()).isEqualTo(Duration.ofMinutes(10));
				assertThat(properties.getBackoff().getMax()).isEqualTo(Duration.ofMinutes(1));
			});
	}

	@Test
	void nothingIsCreatedWhenDisabled() {
		this.runner.withPropertyValues("secrets.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecretCache.class));
	}

	@Test
	void defaultsAreAsDocumented() {
		SecretCacheProperties properties = new SecretCacheProperties();
		assertThat(properties.getMaximumSize()).isEqualTo(1000);
		assertThat(properties.getMaxStaleness()).isEqualTo(Duration.ofHours(1));
		assertThat(properties.getBackoff().getInitial()).isEqualTo(Duration.ofSeconds(1));
		assertThat(properties.getBackoff().getMax()).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.getBackoff().getMultiplier()).isEqualTo(2.0);
	}

}
