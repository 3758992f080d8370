package dev.secretsstarter.autoconfigure;

import dev.secretsstarter.core.SecretsOperations;
import dev.secretsstarter.core.SecretsTemplate;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerAsyncClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * AWS Secrets Manager clients and of {@link SecretsTemplate}.
 * <p>
 * When the config-data phase ({@code spring.config.import=aws-secretsmanager:}) already built a
 * client, it is registered as a bean before this runs and this configuration backs off, so one
 * client serves the whole application.
 *
 * @author secrets-starter team
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
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
			SecretsProperties properties, ObjectProvider<ExecutionInterceptor> interceptors,
			ObjectProvider<SdkHttpClient> httpClient, ObjectProvider<SdkAsyncHttpClient> asyncHttpClient) {
		return new SecretsManagerClientFactory(connectionDetails, properties.getClient(),
				interceptors.orderedStream().toList(), httpClient.getIfUnique(), asyncHttpClient.getIfUnique());
	}

	// Lazy: building a client loads and initialises ~1,500 SDK classes (endpoint rules, HTTP
	// client, signer), which an application that reads no secret never needs. Whoever injects it
	// (or the first cache miss, through the lazy injection points) creates it; still one singleton.
	@Bean(destroyMethod = "close")
	@Lazy
	@ConditionalOnMissingBean
	SecretsManagerClient secretsManagerClient(SecretsManagerClientFactory factory,
			ObjectProvider<SecretsManagerClientCustomizer> customizers) {
		return factory.createClient(customizers.orderedStream().toList());
	}

	// Lazy for the same reason as the client, and because a JsonMapper of its own is not cheap.
	@Bean
	@Lazy
	@ConditionalOnMissingBean(SecretsOperations.class)
	SecretsTemplate secretsTemplate(SecretsManagerClient client, ObjectProvider<JsonMapper> jsonMapper) {
		return new SecretsTemplate(client, jsonMapper.getIfUnique(JsonMapper::new));
	}

	/**
	 * The asynchronous client, only when an asynchronous HTTP client is on the class path (the
	 * starter ships none). Lazy: Netty often arrives with other AWS SDK modules, and an event loop
	 * nobody uses would cost threads at start-up and seconds at shutdown.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient")
	static class AsyncClientConfiguration {

		@Bean(destroyMethod = "close")
		@Lazy
		@ConditionalOnMissingBean
		SecretsManagerAsyncClient secretsManagerAsyncClient(SecretsManagerClientFactory factory,
				ObjectProvider<SecretsManagerAsyncClientCustomizer> customizers) {
			return factory.createAsyncClient(customizers.orderedStream().toList());
		}

	}

}
