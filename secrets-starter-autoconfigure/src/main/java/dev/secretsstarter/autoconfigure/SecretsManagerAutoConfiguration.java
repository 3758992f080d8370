package dev.secretsstarter.autoconfigure;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * AWS Secrets Manager client.
 * <p>
 * When the config-data phase ({@code spring.config.import=aws-secretsmanager:}) already built a
 * client, it is registered as a bean before this runs and this configuration backs off, so one
 * client serves the whole application.
 *
 * @author secrets-starter team
 */
@AutoConfiguration
@ConditionalOnClass(SecretsManagerClient.class)
@ConditionalOnBooleanProperty(name = "secrets.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SecretsProperties.class)
public final class SecretsManagerAutoConfiguration {

	SecretsManagerAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	SecretsManagerConnectionDetails secretsManagerConnectionDetails(SecretsProperties properties) {
		return new PropertiesSecretsManagerConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	SecretsManagerClientFactory secretsManagerClientFactory(SecretsManagerConnectionDetails connectionDetails,
			SecretsProperties properties, ObjectProvider<ExecutionInterceptor> interceptors) {
		return new SecretsManagerClientFactory(connectionDetails, properties.getClient(),
				interceptors.orderedStream().toList());
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	SecretsManagerClient secretsManagerClient(SecretsManagerClientFactory factory,
			ObjectProvider<SecretsManagerClientCustomizer> customizers) {
		return factory.createClient(customizers.orderedStream().toList());
	}

}
