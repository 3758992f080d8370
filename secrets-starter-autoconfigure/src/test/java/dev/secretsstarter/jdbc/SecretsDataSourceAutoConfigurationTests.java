package dev.secretsstarter.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code secretsDataSource} health contributor exists, against secrets-local (the pool
 * is configured but never started, so no database is needed).
 */
class SecretsDataSourceAutoConfigurationTests {

	private LocalSecretsManager server;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("db/app", "{\"username\":\"app\",\"password\":\"test\"}");
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SecretsManagerAutoConfiguration.class,
					SecretCacheAutoConfiguration.class, SecretsDataSourceAutoConfiguration.class))
			.withUserConfiguration(PoolConfiguration.class)
			.withPropertyValues(LocalClients.properties(this.server, "secrets.datasource.secret-id=db/app"));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void healthIndicatorIsCreatedByDefaultAndIsUpBeforeAnyLogin() {
		this.runner.run((context) -> {
			assertThat(context).hasBean("secretsDataSourceHealthIndicator");
			SecretsDataSourceHealthIndicator indicator = context.getBean(SecretsDataSourceHealthIndicator.class);
			assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void healthIndicatorIsTurnedOffWithTheSecretsHealthSwitch() {
		this.runner.withPropertyValues("management.health.secrets.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(SecretsDataSourceHealthIndicator.class));
	}

	@Test
	void theDataSourceSupportWorksWithoutSpringBootHealth() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(SecretsDataSourceHealthIndicator.class)
				.hasSingleBean(HikariSecretCredentialsPostProcessor.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class PoolConfiguration {

		@Bean
		HikariDataSource dataSource() {
			HikariDataSource dataSource = new HikariDataSource();
			dataSource.setJdbcUrl("jdbc:h2:mem:never-started");
			return dataSource;
		}

	}

}
