package dev.secretsstarter.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of a
 * HikariCP {@code DataSource} whose credentials come from the secret named by
 * {@code secrets.datasource.secret-id}: hot credential swap on rotation and immediate recovery
 * when the database refuses the credentials.
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

}
