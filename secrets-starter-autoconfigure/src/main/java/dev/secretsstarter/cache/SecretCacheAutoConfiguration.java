package dev.secretsstarter.cache;

import java.time.Clock;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.function.SingletonSupplier;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * secret cache, for applications without {@code aws-secretsmanager:} imports. When imports exist,
 * the config-data phase has already registered the {@code secretCache} and {@code secretUsages}
 * singletons and this backs off.
 *
 * @author secrets-starter team
 */
@AutoConfiguration(after = SecretsManagerAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "secrets.enabled", matchIfMissing = true)
@ConditionalOnBean(SecretsManagerClient.class)
@EnableConfigurationProperties(SecretCacheProperties.class)
public final class SecretCacheAutoConfiguration {

	SecretCacheAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	Clock secretsClock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	SecretCache secretCache(ObjectProvider<SecretsManagerClient> client, SecretCacheProperties properties, Clock clock) {
		// The client (a lazy bean) is built on the first miss, not at start-up.
		return new CaffeineSecretCache(SingletonSupplier.of(client::getObject), properties, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	SecretUsages secretUsages() {
		return new SecretUsages();
	}

}
