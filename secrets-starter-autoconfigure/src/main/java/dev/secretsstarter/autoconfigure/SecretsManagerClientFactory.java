package dev.secretsstarter.autoconfigure;

import java.util.List;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * Builds Secrets Manager clients from connection details and client settings. Shared by the
 * application context and the config-data phase, which runs before any bean exists, so that both
 * produce the same client from the same settings.
 * <p>
 * Stateless and thread-safe.
 *
 * @author secrets-starter team
 */
public final class SecretsManagerClientFactory {

	private final SecretsManagerConnectionDetails connectionDetails;

	private final SecretsProperties.Client settings;

	private final List<ExecutionInterceptor> interceptors;

	/**
	 * Create a factory.
	 * @param connectionDetails where and as whom to connect
	 * @param settings retry and timeout settings
	 * @param interceptors execution interceptors added to every client, in order
	 */
	public SecretsManagerClientFactory(SecretsManagerConnectionDetails connectionDetails,
			SecretsProperties.Client settings, List<ExecutionInterceptor> interceptors) {
		this.connectionDetails = connectionDetails;
		this.settings = settings;
		this.interceptors = List.copyOf(interceptors);
	}

	/**
	 * Create a synchronous client.
	 * @param customizers applied last, in order
	 * @return a new client; the caller closes it
	 */
	public SecretsManagerClient createClient(List<SecretsManagerClientCustomizer> customizers) {
		SecretsManagerClientBuilder builder = SecretsManagerClient.builder();
		configure(builder);
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/**
	 * Apply connection details and client settings to any Secrets Manager client builder.
	 * @param builder the builder to configure
	 */
	public void configure(AwsClientBuilder<?, ?> builder) {
		if (this.connectionDetails.getEndpoint() != null) {
			builder.endpointOverride(this.connectionDetails.getEndpoint());
		}
		if (this.connectionDetails.getRegion() != null) {
			builder.region(this.connectionDetails.getRegion());
		}
		if (this.connectionDetails.getCredentialsProvider() != null) {
			builder.credentialsProvider(this.connectionDetails.getCredentialsProvider());
		}
		builder.overrideConfiguration(this::configure);
	}

	private void configure(ClientOverrideConfiguration.Builder override) {
		RetryMode mode = RetryMode.valueOf(this.settings.getRetryMode().name());
		override.retryStrategy(
				AwsRetryStrategy.forRetryMode(mode).toBuilder().maxAttempts(this.settings.getMaxAttempts()).build());
		if (this.settings.getApiCallTimeout() != null) {
			override.apiCallTimeout(this.settings.getApiCallTimeout());
		}
		if (this.settings.getApiCallAttemptTimeout() != null) {
			override.apiCallAttemptTimeout(this.settings.getApiCallAttemptTimeout());
		}
		this.interceptors.forEach(override::addExecutionInterceptor);
	}

}
