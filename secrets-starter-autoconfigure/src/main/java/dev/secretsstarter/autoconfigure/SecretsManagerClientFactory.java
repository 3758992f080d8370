package dev.secretsstarter.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.TrustManager;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerAsyncClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerAsyncClientBuilder;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import org.springframework.util.ClassUtils;

/**
 * Builds Secrets Manager clients from connection details and client settings. Shared by the
 * application context and the config-data phase, which runs before any bean exists, so that both
 * produce the same client from the same settings.
 * <p>
 * The HTTP client is, in order: the one given to the constructor; else the JDK-based
 * {@code UrlConnectionHttpClient} (sync) or Netty (async) when on the class path, built and
 * closed by the SDK client; else whatever the SDK discovers. Customizers run last and may replace it.
 * <p>
 * Immutable and thread-safe.
 *
 * @author secrets-starter team
 */
public final class SecretsManagerClientFactory {

	private final SecretsManagerConnectionDetails connectionDetails;

	private final SecretsProperties.Client settings;

	private final List<ExecutionInterceptor> interceptors;

	private final @Nullable SdkHttpClient httpClient;

	private final @Nullable SdkAsyncHttpClient asyncHttpClient;

	/**
	 * Create a factory that lets the SDK build the HTTP clients.
	 * @param connectionDetails where and as whom to connect
	 * @param settings retry and timeout settings
	 * @param interceptors execution interceptors added to every client, in order
	 * @throws InvalidSecretsConfigurationException if a setting cannot work
	 */
	public SecretsManagerClientFactory(SecretsManagerConnectionDetails connectionDetails,
			SecretsProperties.Client settings, List<ExecutionInterceptor> interceptors) {
		this(connectionDetails, settings, interceptors, null, null);
	}

	/**
	 * Create a factory.
	 * @param connectionDetails where and as whom to connect
	 * @param settings retry and timeout settings
	 * @param interceptors execution interceptors added to every client, in order
	 * @param httpClient HTTP client for synchronous clients, owned by the caller, or {@code null}
	 * @param asyncHttpClient HTTP client for asynchronous clients, owned by the caller, or {@code null}
	 * @throws InvalidSecretsConfigurationException if a setting cannot work
	 */
	public SecretsManagerClientFactory(SecretsManagerConnectionDetails connectionDetails,
			SecretsProperties.Client settings, List<ExecutionInterceptor> interceptors,
			@Nullable SdkHttpClient httpClient, @Nullable SdkAsyncHttpClient asyncHttpClient) {
		validate(settings);
		this.connectionDetails = connectionDetails;
		this.settings = settings;
		this.interceptors = List.copyOf(interceptors);
		this.httpClient = httpClient;
		this.asyncHttpClient = asyncHttpClient;
	}

	private static void validate(SecretsProperties.Client settings) {
		Integer maxAttempts = settings.getMaxAttempts();
		if (maxAttempts != null && maxAttempts < 1) {
			throw new InvalidSecretsConfigurationException("secrets.client.max-attempts",
					maxAttempts + " is less than 1 (the first attempt counts)",
					"Set it to 1 to turn retries off, to a larger number to allow retries, or remove it to use "
							+ "the SDK's default");
		}
		validatePositive("secrets.client.api-call-timeout", settings.getApiCallTimeout());
		validatePositive("secrets.client.api-call-attempt-timeout", settings.getApiCallAttemptTimeout());
	}

	private static void validatePositive(String property, @Nullable Duration timeout) {
		if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
			throw new InvalidSecretsConfigurationException(property, timeout + " is not a positive duration",
					"Use a positive duration such as '10s', or remove it for no limit");
		}
	}

	/**
	 * Create a synchronous client.
	 * @param customizers applied last, in order
	 * @return a new client; the caller closes it
	 */
	public SecretsManagerClient createClient(List<SecretsManagerClientCustomizer> customizers) {
		SecretsManagerClientBuilder builder = SecretsManagerClient.builder();
		configure(builder);
		if (this.httpClient != null) {
			builder.httpClient(this.httpClient);
		}
		else if (HttpClients.URL_CONNECTION_PRESENT) {
			// A builder, not an instance: the SDK client then owns and closes the HTTP client.
			builder.httpClientBuilder(UrlConnection.builder(isPlainHttp(this.connectionDetails.getEndpoint())));
		}
		customizers.forEach((customizer) -> customizer.customize(builder));
		return build(builder);
	}

	// With no secrets.region the SDK's region chain runs when the client is built; when it finds
	// nothing, its message names providers, not the setting that fixes it.
	private <C> C build(SdkBuilder<?, C> builder) {
		try {
			return builder.build();
		}
		catch (SdkClientException ex) {
			String message = ex.getMessage();
			if (this.connectionDetails.getRegion() == null && message != null
					&& message.startsWith("Unable to load region")) {
				throw new InvalidSecretsConfigurationException("secrets.region",
						"it is not set and the SDK's region chain (aws.region, AWS_REGION, the shared AWS config "
								+ "profile, instance metadata) found no region",
						"Set secrets.region, for example 'eu-west-1'; for a local server set secrets.endpoint or "
								+ "secrets.local.enabled=true.");
			}
			throw ex;
		}
	}

	/**
	 * Whether an endpoint is plain HTTP (a local server), so that a client for it never does TLS.
	 * @param endpoint the endpoint override, or {@code null} for the regional HTTPS endpoint
	 * @return whether the scheme is {@code http}
	 */
	static boolean isPlainHttp(@Nullable URI endpoint) {
		return endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme());
	}

	/**
	 * Create an asynchronous client.
	 * @param customizers applied last, in order
	 * @return a new client; the caller closes it
	 */
	public SecretsManagerAsyncClient createAsyncClient(List<SecretsManagerAsyncClientCustomizer> customizers) {
		SecretsManagerAsyncClientBuilder builder = SecretsManagerAsyncClient.builder();
		configure(builder);
		if (this.asyncHttpClient != null) {
			builder.httpClient(this.asyncHttpClient);
		}
		else if (HttpClients.NETTY_PRESENT) {
			builder.httpClientBuilder(Netty.builder());
		}
		customizers.forEach((customizer) -> customizer.customize(builder));
		return build(builder);
	}

	/**
	 * Apply connection details and client settings (not the HTTP client) to any Secrets Manager
	 * client builder.
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
		SecretsProperties.RetryMode mode = this.settings.getRetryMode();
		Integer maxAttempts = this.settings.getMaxAttempts();
		// Each retryStrategy(..) call replaces the previous one, so the combinations are explicit;
		// what is unset stays with the SDK (environment, profile, SDK default).
		if (mode != null && maxAttempts != null) {
			override.retryStrategy(
					AwsRetryStrategy.forRetryMode(mode.toSdkRetryMode()).toBuilder().maxAttempts(maxAttempts).build());
		}
		else if (mode != null) {
			override.retryStrategy(mode.toSdkRetryMode());
		}
		else if (maxAttempts != null) {
			override.retryStrategy((strategy) -> strategy.maxAttempts(maxAttempts));
		}
		if (this.settings.getApiCallTimeout() != null) {
			override.apiCallTimeout(this.settings.getApiCallTimeout());
		}
		if (this.settings.getApiCallAttemptTimeout() != null) {
			override.apiCallAttemptTimeout(this.settings.getApiCallAttemptTimeout());
		}
		this.interceptors.forEach(override::addExecutionInterceptor);
	}

	// Probed when the first client is built, not when the factory (an eager bean) is created:
	// probing loads the HTTP client class.
	private static final class HttpClients {

		static final boolean URL_CONNECTION_PRESENT = ClassUtils.isPresent(
				"software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient",
				SecretsManagerClientFactory.class.getClassLoader());

		static final boolean NETTY_PRESENT = ClassUtils.isPresent(
				"software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient",
				SecretsManagerClientFactory.class.getClassLoader());

	}

	// Holders keep the optional HTTP client classes out of this class's linkage.
	private static final class UrlConnection {

		static SdkHttpClient.Builder<?> builder(boolean plainHttp) {
			UrlConnectionHttpClient.Builder builder = UrlConnectionHttpClient.builder();
			if (plainHttp) {
				// Building the client sets up TLS, which loads and parses the JDK's trust store
				// (~100 ms at start-up) for nothing when every request is plain HTTP. With no trust
				// managers, TLS would refuse every server, so this can never weaken an HTTPS call.
				builder.tlsTrustManagersProvider(() -> new TrustManager[0]);
			}
			return builder;
		}

	}

	private static final class Netty {

		static SdkAsyncHttpClient.Builder<?> builder() {
			return NettyNioAsyncHttpClient.builder();
		}

	}

}
