package dev.secretsstarter.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.secretsstarter.core.SecretsOperations;
import dev.secretsstarter.core.SecretsTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerAsyncClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link SecretsManagerAutoConfiguration}.
 */
class SecretsManagerAutoConfigurationTests {

	// Netty is hidden except where the async client is under test: closing its event loops takes seconds.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecretsManagerAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
		.withPropertyValues("secrets.region=us-east-1");

	private final ApplicationContextRunner asyncContextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecretsManagerAutoConfiguration.class))
		.withPropertyValues("secrets.region=us-east-1");

	@Test
	void createsClientFactoryConnectionDetailsAndTemplate() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SecretsManagerClient.class)
			.hasSingleBean(SecretsManagerClientFactory.class)
			.hasSingleBean(PropertiesSecretsManagerConnectionDetails.class)
			.hasSingleBean(SecretsTemplate.class));
	}

	@Test
	void backsOffEntirelyWhenDisabled() {
		this.contextRunner.withPropertyValues("secrets.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecretsManagerClient.class)
				.doesNotHaveBean(SecretsManagerAsyncClient.class)
				.doesNotHaveBean(SecretsManagerClientFactory.class)
				.doesNotHaveBean(SecretsManagerConnectionDetails.class)
				.doesNotHaveBean(SecretsOperations.class)
				.doesNotHaveBean(SecretsProperties.class));
	}

	@Test
	void backsOffWhenTheSdkIsAbsent() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SecretsManagerClient.class, NettyNioAsyncHttpClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SecretsManagerClientFactory.class)
				.doesNotHaveBean(SecretsOperations.class));
	}

	@Test
	void appliesRegion() {
		this.contextRunner.withPropertyValues("secrets.region=eu-west-1")
			.run((context) -> assertThat(client(context).serviceClientConfiguration().region())
				.isEqualTo(Region.EU_WEST_1));
	}

	@Test
	void appliesEndpoint() {
		this.contextRunner.withPropertyValues("secrets.endpoint=http://127.0.0.1:4566")
			.run((context) -> assertThat(client(context).serviceClientConfiguration().endpointOverride())
				.contains(URI.create("http://127.0.0.1:4566")));
	}

	@Test
	void appliesStaticCredentials() {
		this.contextRunner.withPropertyValues("secrets.credentials.access-key=test-access",
				"secrets.credentials.secret-key=test-secret")
			.run((context) -> {
				AwsCredentialsIdentity credentials = resolve(context);
				assertThat(credentials.accessKeyId()).isEqualTo("test-access");
				assertThat(credentials.secretAccessKey()).isEqualTo("test-secret");
				assertThat(credentials).isNotInstanceOf(AwsSessionCredentialsIdentity.class);
			});
	}

	@Test
	void appliesSessionCredentialsWhenASessionTokenIsGiven() {
		this.contextRunner.withPropertyValues("secrets.credentials.access-key=test-access",
				"secrets.credentials.secret-key=test-secret", "secrets.credentials.session-token=test-token")
			.run((context) -> assertThat(resolve(context)).isInstanceOfSatisfying(AwsSessionCredentialsIdentity.class,
					(session) -> assertThat(session.sessionToken()).isEqualTo("test-token")));
	}

	@Test
	void appliesProfileFromTheSharedCredentialsFile(@TempDir Path home) throws IOException {
		withSharedAwsFiles(home, "", () -> this.contextRunner.withPropertyValues("secrets.credentials.profile=dev")
			.run((context) -> {
				assertThat(client(context).serviceClientConfiguration().credentialsProvider())
					.isInstanceOf(ProfileCredentialsProvider.class);
				assertThat(resolve(context).accessKeyId()).isEqualTo("profile-access");
			}));
	}

	@Test
	void failsAtStartUpOnAProfileTheSharedFilesDoNotDefine(@TempDir Path home) throws IOException {
		withSharedAwsFiles(home, "[profile ci]\nregion = eu-west-1\n", () -> {
			assertInvalid("secrets.credentials.profile", "secrets.credentials.profile=prod");
			this.contextRunner.withPropertyValues("secrets.credentials.profile=ci")
				.run((context) -> assertThat(context).hasNotFailed());
		});
	}

	@Test
	void aClientWithNoRegionAnywhereFailsNamingSecretsRegion(@TempDir Path home) throws IOException {
		assumeTrue(System.getenv("AWS_REGION") == null, "AWS_REGION is set in this environment");
		String previousRegion = System.clearProperty("aws.region");
		String previousMetadata = System.setProperty("aws.disableEc2Metadata", "true");
		try {
			withSharedAwsFiles(home, "", () -> new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(SecretsManagerAutoConfiguration.class))
				.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
				.run((context) -> assertThatExceptionOfType(BeanCreationException.class)
					.isThrownBy(() -> context.getBean(SecretsManagerClient.class))
					.havingRootCause()
					.isInstanceOfSatisfying(InvalidSecretsConfigurationException.class,
							(ex) -> assertThat(ex.getProperty()).isEqualTo("secrets.region"))
					.withMessageContaining("secrets.local.enabled=true")));
		}
		finally {
			restore("aws.region", previousRegion);
			restore("aws.disableEc2Metadata", previousMetadata);
		}
	}

	/**
	 * Run with shared AWS files in {@code home}: a credentials file defining profile {@code dev},
	 * and a config file with the given content. The SDK reads these system properties instead of
	 * ~/.aws, so the real home is never touched.
	 */
	private static void withSharedAwsFiles(Path home, String config, Runnable test) throws IOException {
		Path credentialsFile = Files.writeString(home.resolve("credentials"),
				"[dev]\naws_access_key_id = profile-access\naws_secret_access_key = profile-secret\n");
		Path configFile = Files.writeString(home.resolve("config"), config);
		String previousCredentials = System.setProperty("aws.sharedCredentialsFile", credentialsFile.toString());
		String previousConfig = System.setProperty("aws.configFile", configFile.toString());
		try {
			test.run();
		}
		finally {
			restore("aws.sharedCredentialsFile", previousCredentials);
			restore("aws.configFile", previousConfig);
		}
	}

	@Test
	void usesTheSdkDefaultCredentialsChainWhenNoCredentialsAreConfigured() {
		this.contextRunner.run((context) -> assertThat(client(context).serviceClientConfiguration().credentialsProvider())
			.isInstanceOf(DefaultCredentialsProvider.class));
	}

	@Test
	void appliesRetryMode() {
		this.contextRunner.withPropertyValues("secrets.client.retry-mode=standard")
			.run((context) -> assertThat(retryStrategy(context))
				.isInstanceOf(AwsRetryStrategy.forRetryMode(RetryMode.STANDARD).getClass()));
	}

	@Test
	void mapsAdaptiveRetryModeToTheSdksCurrentAdaptiveStrategy() {
		this.contextRunner.withPropertyValues("secrets.client.retry-mode=adaptive", "secrets.client.max-attempts=5")
			.run((context) -> {
				assertThat(retryStrategy(context))
					.isInstanceOf(AwsRetryStrategy.forRetryMode(RetryMode.ADAPTIVE_V2).getClass());
				assertThat(retryStrategy(context).maxAttempts()).isEqualTo(5);
			});
	}

	@Test
	void appliesMaxAttempts() {
		this.contextRunner.withPropertyValues("secrets.client.max-attempts=7")
			.run((context) -> assertThat(retryStrategy(context).maxAttempts()).isEqualTo(7));
	}

	@Test
	void appliesMaxAttemptsTogetherWithRetryMode() {
		this.contextRunner.withPropertyValues("secrets.client.retry-mode=legacy", "secrets.client.max-attempts=2")
			.run((context) -> {
				assertThat(retryStrategy(context))
					.isInstanceOf(AwsRetryStrategy.forRetryMode(RetryMode.LEGACY).getClass());
				assertThat(retryStrategy(context).maxAttempts()).isEqualTo(2);
			});
	}

	@Test
	void appliesApiCallTimeout() {
		this.contextRunner.withPropertyValues("secrets.client.api-call-timeout=12s")
			.run((context) -> assertThat(override(context).apiCallTimeout()).contains(Duration.ofSeconds(12)));
	}

	@Test
	void appliesApiCallAttemptTimeout() {
		this.contextRunner.withPropertyValues("secrets.client.api-call-attempt-timeout=800ms")
			.run((context) -> assertThat(override(context).apiCallAttemptTimeout()).contains(Duration.ofMillis(800)));
	}

	@Test
	void leavesRetryAndTimeoutsToTheSdkByDefault() {
		SecretsProperties.Client defaults = new SecretsProperties().getClient();
		assertThat(defaults.getRetryMode()).isNull();
		assertThat(defaults.getMaxAttempts()).isNull();
		assertThat(defaults.getApiCallTimeout()).isNull();
		assertThat(defaults.getApiCallAttemptTimeout()).isNull();
		try (SecretsManagerClient plain = SecretsManagerClient.builder()
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(
					software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
			.build()) {
			ClientOverrideConfiguration sdk = plain.serviceClientConfiguration().overrideConfiguration();
			this.contextRunner.run((context) -> {
				assertThat(retryStrategy(context)).isInstanceOf(sdk.retryStrategy().orElseThrow().getClass());
				assertThat(retryStrategy(context).maxAttempts()).isEqualTo(sdk.retryStrategy().orElseThrow().maxAttempts());
				assertThat(override(context).apiCallTimeout()).isEqualTo(sdk.apiCallTimeout()).isEmpty();
				assertThat(override(context).apiCallAttemptTimeout()).isEqualTo(sdk.apiCallAttemptTimeout()).isEmpty();
			});
		}
	}

	@Test
	void usesTheSdksStandardMaxAttemptsWhenOnlyTheStandardModeIsSet() {
		this.contextRunner.withPropertyValues("secrets.client.retry-mode=standard")
			.run((context) -> assertThat(retryStrategy(context).maxAttempts())
				.isEqualTo(DefaultRetryStrategy.standardStrategyBuilder().build().maxAttempts()));
	}

	@Test
	void appliesCustomizersInOrder() {
		this.contextRunner.withUserConfiguration(CustomizersConfiguration.class).run((context) -> {
			// The client bean is lazy: its customizers run when it is first needed.
			SecretsManagerClient client = client(context);
			assertThat(context.getBean("calls", List.class)).containsExactly("first", "second");
			// The later customizer wins where both set the same thing.
			assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.AP_SOUTH_1);
		});
	}

	@Test
	void userConnectionDetailsReplaceTheProperties() {
		this.contextRunner.withUserConfiguration(ConnectionDetailsConfiguration.class)
			.withPropertyValues("secrets.endpoint=http://127.0.0.1:1")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesSecretsManagerConnectionDetails.class);
				assertThat(client(context).serviceClientConfiguration().endpointOverride())
					.contains(URI.create("http://127.0.0.1:9999"));
				assertThat(client(context).serviceClientConfiguration().region()).isEqualTo(Region.EU_CENTRAL_1);
			});
	}

	@Test
	void backsOffFromAUserClient() {
		this.contextRunner.withBean("userClient", SecretsManagerClient.class,
				() -> SecretsManagerClient.builder().region(Region.US_WEST_2).build())
			.run((context) -> {
				assertThat(context).hasSingleBean(SecretsManagerClient.class).hasBean("userClient");
				assertThat(context.getBean(SecretsTemplate.class).getClient())
					.isSameAs(context.getBean(SecretsManagerClient.class));
			});
	}

	@Test
	void backsOffFromAUserClientFactory() {
		this.contextRunner
			.withBean("userFactory", SecretsManagerClientFactory.class,
					() -> new SecretsManagerClientFactory(new FixedConnectionDetails(), new SecretsProperties.Client(),
							List.of()))
			.run((context) -> assertThat(context).hasSingleBean(SecretsManagerClientFactory.class)
				.hasBean("userFactory"));
	}

	@Test
	void backsOffFromUserSecretsOperations() {
		SecretsOperations operations = (SecretsOperations) java.lang.reflect.Proxy.newProxyInstance(
				getClass().getClassLoader(), new Class<?>[] { SecretsOperations.class }, (proxy, method, args) -> {
					throw new UnsupportedOperationException();
				});
		this.contextRunner.withBean(SecretsOperations.class, () -> operations)
			.run((context) -> assertThat(context).doesNotHaveBean(SecretsTemplate.class)
				.getBean(SecretsOperations.class)
				.isSameAs(operations));
	}

	@Test
	void templateUsesTheApplicationsJsonMapper() {
		JsonMapper mapper = JsonMapper.builder().build();
		this.contextRunner.withBean(JsonMapper.class, () -> mapper)
			.run((context) -> assertThat(
					ReflectionTestUtils.getField(ReflectionTestUtils.getField(context.getBean(SecretsTemplate.class), "json"),
							"jsonMapper"))
				.isSameAs(mapper));
	}

	@Test
	void appliesExecutionInterceptorBeans() {
		ExecutionInterceptor interceptor = new ExecutionInterceptor() {
		};
		this.contextRunner.withBean(ExecutionInterceptor.class, () -> interceptor)
			.run((context) -> {
				assertThat(override(context).executionInterceptors()).contains(interceptor);
			});
	}

	@Test
	void createsTheAsyncClientOnlyWhenSomethingAsksForIt() {
		this.asyncContextRunner.run((context) -> {
			assertThat(context.getBeanFactory().containsSingleton("secretsManagerAsyncClient")).isFalse();
			assertThat(context.getBean(SecretsManagerAsyncClient.class)).isNotNull();
			assertThat(context.getBeanFactory().containsSingleton("secretsManagerAsyncClient")).isTrue();
		});
	}

	@Test
	void appliesExecutionInterceptorBeansToTheAsyncClient() {
		ExecutionInterceptor interceptor = new ExecutionInterceptor() {
		};
		this.asyncContextRunner.withBean(ExecutionInterceptor.class, () -> interceptor)
			.run((context) -> assertThat(context.getBean(SecretsManagerAsyncClient.class)
				.serviceClientConfiguration()
				.overrideConfiguration()
				.executionInterceptors()).contains(interceptor));
	}

	@Test
	void usesTheUrlConnectionHttpClientByDefault() {
		this.contextRunner.run((context) -> assertThat(httpClient(client(context)).clientName())
			.isEqualTo("UrlConnection"));
	}

	@Test
	void usesAnSdkHttpClientBeanInsteadOfTheDefault() {
		this.contextRunner.withBean(SdkHttpClient.class, RefusingHttpClient::new)
			.run((context) -> assertThat(httpClient(client(context)).clientName()).isEqualTo("Refusing"));
	}

	@Test
	void createsAnAsyncClientWhenNettyIsPresent() {
		this.asyncContextRunner.run((context) -> assertThat(context).hasSingleBean(SecretsManagerAsyncClient.class));
	}

	@Test
	void createsNoAsyncClientWithoutNetty() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SecretsManagerClient.class)
				.doesNotHaveBean(SecretsManagerAsyncClient.class));
	}

	@Test
	void appliesAsyncCustomizersAndSettingsToTheAsyncClient() {
		this.asyncContextRunner
			.withBean(SecretsManagerAsyncClientCustomizer.class,
					() -> (builder) -> builder.region(Region.SA_EAST_1))
			.withPropertyValues("secrets.client.api-call-timeout=5s")
			.run((context) -> {
				SecretsManagerAsyncClient client = context.getBean(SecretsManagerAsyncClient.class);
				assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.SA_EAST_1);
				assertThat(client.serviceClientConfiguration().overrideConfiguration().apiCallTimeout())
					.contains(Duration.ofSeconds(5));
			});
	}

	@Test
	void backsOffFromAUserAsyncClient() {
		this.asyncContextRunner
			.withBean("userAsyncClient", SecretsManagerAsyncClient.class,
					() -> SecretsManagerAsyncClient.builder().region(Region.US_WEST_2).build())
			.run((context) -> assertThat(context).hasSingleBean(SecretsManagerAsyncClient.class)
				.hasBean("userAsyncClient"));
	}

	@Test
	void failsOnAMalformedEndpoint() {
		assertInvalid("secrets.endpoint", "secrets.endpoint=localhost:4566");
	}

	@Test
	void failsOnAnEndpointWithoutHost() {
		assertInvalid("secrets.endpoint", "secrets.endpoint=http://");
	}

	@Test
	void failsOnAnAccessKeyWithoutSecretKey() {
		assertInvalid("secrets.credentials.secret-key", "secrets.credentials.access-key=test");
	}

	@Test
	void failsOnASecretKeyWithoutAccessKey() {
		assertInvalid("secrets.credentials.access-key", "secrets.credentials.secret-key=test");
	}

	@Test
	void failsOnASessionTokenWithoutKeys() {
		assertInvalid("secrets.credentials.session-token", "secrets.credentials.session-token=token");
	}

	@Test
	void failsOnAProfileTogetherWithKeys() {
		assertInvalid("secrets.credentials.profile", "secrets.credentials.profile=dev",
				"secrets.credentials.access-key=test", "secrets.credentials.secret-key=test");
	}

	@Test
	void failsOnAnUnknownRegionFormat() {
		assertInvalid("secrets.region", "secrets.region=Ireland");
	}

	@Test
	void failsOnMaxAttemptsBelowOne() {
		assertInvalid("secrets.client.max-attempts", "secrets.client.max-attempts=0");
	}

	@Test
	void failsOnANegativeApiCallTimeout() {
		assertInvalid("secrets.client.api-call-timeout", "secrets.client.api-call-timeout=-1s");
	}

	@Test
	void failsOnAZeroApiCallAttemptTimeout() {
		assertInvalid("secrets.client.api-call-attempt-timeout", "secrets.client.api-call-attempt-timeout=0s");
	}

	private void assertInvalid(String property, String... properties) {
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidSecretsConfigurationException.class,
						(ex) -> assertThat(ex.getProperty()).isEqualTo(property))
				.hasMessageContaining(property);
		});
	}

	private static SecretsManagerClient client(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(SecretsManagerClient.class);
	}

	private static ClientOverrideConfiguration override(AssertableApplicationContext context) {
		return client(context).serviceClientConfiguration().overrideConfiguration();
	}

	private static RetryStrategy retryStrategy(AssertableApplicationContext context) {
		return override(context).retryStrategy().orElseThrow();
	}

	private static AwsCredentialsIdentity resolve(AssertableApplicationContext context) {
		return client(context).serviceClientConfiguration().credentialsProvider().resolveIdentity().join();
	}

	private static SdkHttpClient httpClient(SecretsManagerClient client) {
		// The SDK exposes the HTTP client only through its internal configuration.
		SdkClientConfiguration configuration = (SdkClientConfiguration) ReflectionTestUtils.getField(client,
				"clientConfiguration");
		return configuration.option(SdkClientOption.SYNC_HTTP_CLIENT);
	}

	private static void restore(String key, String previous) {
		if (previous == null) {
			System.clearProperty(key);
		}
		else {
			System.setProperty(key, previous);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		@Bean
		List<String> calls() {
			return new ArrayList<>();
		}

		@Bean
		@Order(2)
		SecretsManagerClientCustomizer second(List<String> calls) {
			return (builder) -> {
				calls.add("second");
				builder.region(Region.AP_SOUTH_1);
			};
		}

		@Bean
		@Order(1)
		SecretsManagerClientCustomizer first(List<String> calls) {
			return (builder) -> {
				calls.add("first");
				builder.region(Region.AP_NORTHEAST_1);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConnectionDetailsConfiguration {

		@Bean
		SecretsManagerConnectionDetails userConnectionDetails() {
			return new FixedConnectionDetails();
		}

	}

	static class FixedConnectionDetails implements SecretsManagerConnectionDetails {

		@Override
		public URI getEndpoint() {
			return URI.create("http://127.0.0.1:9999");
		}

		@Override
		public Region getRegion() {
			return Region.EU_CENTRAL_1;
		}

		@Override
		public AwsCredentialsProvider getCredentialsProvider() {
			return StaticCredentialsProvider
				.create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test"));
		}

	}

	static class RefusingHttpClient implements SdkHttpClient {

		@Override
		public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
			throw new UnsupportedOperationException("refusing");
		}

		@Override
		public String clientName() {
			return "Refusing";
		}

		@Override
		public void close() {
		}

	}

}
