package dev.secretsstarter.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of a
 * HikariCP {@code DataSource} whose credentials come from the secret named by
 * {@code secrets.datasource.secret-id}: hot credential swap on rotation, immediate recovery
 * when the database refuses the credentials, a fallback to the last credentials that logged in
 * after a botched rotation, and the {@code secretsDataSource} health contributor.
 *
 * @author secrets-starter team
 */
@AutoConfiguration(after = SecretCacheAutoConfiguration.class,
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(HikariDataSource.class)
@ConditionalOnBooleanProperty(name = "secrets.enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "secrets.datasource", name = "secret-id")
@EnableConfigurationProperties(SecretsDataSourceProperties.class)
public final class SecretsDataSourceAutoConfiguration {

	SecretsDataSourceAutoConfiguration() {
	}

	@Bean
	static HikariSecretCredentialsPostProcessor secretsHikariCredentialsPostProcessor(Environment environment) {
		// A post-processor is created before @ConfigurationProperties beans: bind directly.
		SecretsDataSourceProperties properties = Binder.get(environment)
			.bind("secrets.datasource", SecretsDataSourceProperties.class)
			.orElseGet(SecretsDataSourceProperties::new);
		return new HikariSecretCredentialsPostProcessor(properties);
	}

	/**
	 * Keeps the pool's credentials out of the actuator endpoints that show bean properties.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorConfiguration {

		@Bean
		DataSourceCredentialsSanitizingFunction secretsDataSourceCredentialsSanitizingFunction(
				ObjectProvider<HikariSecretCredentialsPostProcessor> postProcessors) {
			return new DataSourceCredentialsSanitizingFunction(() -> postProcessors.stream()
				.flatMap((postProcessor) -> postProcessor.credentials().stream())
				.toList());
		}

	}

	/**
	 * The {@code secretsDataSource} health contributor, when Spring Boot's health support is
	 * present. As in the actuator auto-configuration, the health module's own condition sits on
	 * a nested class that is only read once the class check passed.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class HealthConfiguration {

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnEnabledHealthIndicator("secrets")
		static class IndicatorConfiguration {

			@Bean
			@ConditionalOnMissingBean(name = "secretsDataSourceHealthIndicator")
			SecretsDataSourceHealthIndicator secretsDataSourceHealthIndicator(
					ObjectProvider<HikariSecretCredentialsPostProcessor> postProcessors) {
				return new SecretsDataSourceHealthIndicator(() -> postProcessors.stream()
					.flatMap((postProcessor) -> postProcessor.credentials().stream())
					.toList());
			}

		}

	}

}
