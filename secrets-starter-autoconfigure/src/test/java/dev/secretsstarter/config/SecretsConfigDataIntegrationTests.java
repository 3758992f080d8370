package dev.secretsstarter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.autoconfigure.SecretsManagerClientCustomizer;
import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretUsages;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.bootstrap.BootstrapRegistry;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class SecretsConfigDataIntegrationTests {

	private static final String MARKER = "marker-value-91c2";

	private LocalSecretsManager server;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
	}

	@AfterEach
	void stop() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.server.close();
	}

	private String[] properties(String... more) {
		List<String> properties = new ArrayList<>(
				List.of(LocalClients.properties(this.server, "secrets.client.max-attempts=1")));
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}

	private ConfigurableApplicationContext run(String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties(properties))
			.run();
		this.contexts.add(context);
		return context;
	}

	@Test
	void jsonSecretBecomesPropertiesWithThePrefix() {
		this.server.createSecret("db/credentials", "{\"username\":\"app\",\"password\":\"" + MARKER + "\"}");
		ConfigurableApplicationContext context = run("spring.config.import=aws-secretsmanager:db/credentials?prefix=db.");
		assertThat(context.getEnvironment().getProperty("db.username")).isEqualTo("app");
		assertThat(context.getEnvironment().getProperty("db.password")).isEqualTo(MARKER);
	}

	@Test
	void plainTextSecretsAreNamedAfterTheLastSegment() {
		this.server.createSecret("prod/api/token", MARKER);
		this.server.createSecret("prod/other", "{\"a\":{\"b\":[\"x\"]}}");
		ConfigurableApplicationContext context = run(
				"spring.config.import=aws-secretsmanager:prod/api/token; prod/other");
		assertThat(context.getEnvironment().getProperty("token")).isEqualTo(MARKER);
		assertThat(context.getEnvironment().getProperty("a.b[0]")).isEqualTo("x");
	}

	@Test
	void bootstrapClientCacheAndUsagesBecomeTheApplicationsBeans() {
		this.server.createSecret("db/credentials", "{\"username\":\"app\"}");
		ConfigurableApplicationContext context = run("spring.config.import=aws-secretsmanager:db/credentials");
		assertThat(context.getBeansOfType(SecretsManagerClient.class)).containsOnlyKeys("secretsManagerClient");
		SecretCache cache = context.getBean(SecretCache.class);
		assertThat(cache.getIfPresent(SecretKey.current("db/credentials"))).isNotNull();
		assertThat(context.getBeansOfType(SecretCache.class)).hasSize(1);
		assertThat(context.getBean(SecretUsages.class).usagesOf(SecretKey.current("db/credentials")))
			.containsExactly("import aws-secretsmanager:db/credentials");
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 20, 100 })
	void startUpLoadsImportedSecretsInBatchesOfTwenty(int count) {
		String ids = IntStream.range(0, count).mapToObj((i) -> {
			this.server.createSecret("app/s" + i, "{\"key" + i + "\":\"v" + i + "\"}");
			return "app/s" + i;
		}).collect(Collectors.joining(";"));
		this.server.requests().reset();
		ConfigurableApplicationContext context = run("spring.config.import=aws-secretsmanager:" + ids);
		Map<String, Long> counts = this.server.requests().counts();
		System.out.println("API calls at start-up for " + count + " imported secret(s): " + counts);
		assertThat(counts).containsExactlyEntriesOf(Map.of("BatchGetSecretValue", (long) ((count + 19) / 20)));
		assertThat(context.getEnvironment().getProperty("key" + (count - 1))).isEqualTo("v" + (count - 1));
	}

	@Test
	void namePrefixImportsEverySecretUnderIt() {
		IntStream.range(0, 25).forEach((i) -> this.server.createSecret("app/prod/s" + i, "{\"p" + i + "\":\"" + i + "\"}"));
		this.server.createSecret("app/dev/s0", "{\"dev\":\"1\"}");
		this.server.requests().reset();
		ConfigurableApplicationContext context = run("spring.config.import=aws-secretsmanager:app/prod/*");
		assertThat(context.getEnvironment().getProperty("p24")).isEqualTo("24");
		assertThat(context.getEnvironment().getProperty("dev")).isNull();
		assertThat(this.server.requests().counts())
			.containsExactlyInAnyOrderEntriesOf(Map.of("ListSecrets", 1L, "BatchGetSecretValue", 2L));
	}

	@Test
	void versionStageImportsThePreviousValue() {
		this.server.createSecret("api/key", "{\"k\":\"old\"}");
		this.server.putSecretValue("api/key", "{\"k\":\"new\"}");
		ConfigurableApplicationContext context = run(
				"spring.config.import=aws-secretsmanager:api/key?version-stage=AWSPREVIOUS&prefix=previous.;api/key");
		assertThat(context.getEnvironment().getProperty("previous.k")).isEqualTo("old");
		assertThat(context.getEnvironment().getProperty("k")).isEqualTo("new");
	}

	@Test
	void optionalMissingSecretIsSkipped() {
		this.server.createSecret("db/credentials", "{\"username\":\"app\"}");
		ConfigurableApplicationContext context = run(
				"spring.config.import=optional:aws-secretsmanager:no/such;db/credentials");
		assertThat(context.getEnvironment().getProperty("username")).isEqualTo("app");
	}

	@Test
	void aLocationWithManyEntriesIsOnePropertySourceNamedAfterIt() {
		this.server.createSecret("db/credentials", "{\"username\":\"app\"}");
		this.server.createSecret("api/key", "{\"key\":\"k\"}");
		IntStream.range(0, 3).forEach((i) -> this.server.createSecret("app/prod/s" + i, "{\"p" + i + "\":\"" + i + "\"}"));
		ConfigurableApplicationContext context = run(
				"spring.config.import=optional:aws-secretsmanager:db/credentials;api/key?prefix=api.;app/prod/*");
		assertThat(secretsPropertySources(context)).singleElement().satisfies((source) -> {
			assertThat(source.getName())
				.isEqualTo("aws-secretsmanager:db/credentials;api/key?prefix=api.;app/prod/*");
			assertThat(source.getSecretKeys()).containsExactly(SecretKey.current("db/credentials"),
					SecretKey.current("api/key"), SecretKey.current("app/prod/s0"), SecretKey.current("app/prod/s1"),
					SecretKey.current("app/prod/s2"));
		});
		assertThat(context.getEnvironment().getProperty("api.key")).isEqualTo("k");
		assertThat(context.getEnvironment().getProperty("p2")).isEqualTo("2");
	}

	@Test
	void severalLocationsAreSeveralPropertySourcesLoadedInOneBatch() {
		this.server.createSecret("db/credentials", "{\"username\":\"app\"}");
		this.server.createSecret("api/key", "{\"key\":\"k\"}");
		this.server.requests().reset();
		ConfigurableApplicationContext context = run(
				"spring.config.import=aws-secretsmanager:db/credentials,aws-secretsmanager:api/key");
		assertThat(secretsPropertySources(context)).extracting(SecretsPropertySource::getName)
			.containsExactlyInAnyOrder("aws-secretsmanager:db/credentials", "aws-secretsmanager:api/key");
		assertThat(this.server.requests().counts()).containsExactlyEntriesOf(Map.of("BatchGetSecretValue", 1L));
	}

	@Test
	void laterEntriesWinOverEarlierOnesForTheSameProperty() {
		this.server.createSecret("first", "{\"shared\":\"from-first\",\"only-first\":\"1\"}");
		this.server.createSecret("second", "{\"shared\":\"from-second\"}");
		ConfigurableApplicationContext context = run("spring.config.import=aws-secretsmanager:first;second");
		assertThat(context.getEnvironment().getProperty("shared")).isEqualTo("from-second");
		assertThat(context.getEnvironment().getProperty("only-first")).isEqualTo("1");
		ConfigurableApplicationContext reversed = run("spring.config.import=aws-secretsmanager:second;first");
		assertThat(reversed.getEnvironment().getProperty("shared")).isEqualTo("from-first");
	}

	@Test
	void aMissingEntryOfAnOptionalLocationKeepsTheOtherEntries() {
		this.server.createSecret("db/credentials", "{\"username\":\"app\"}");
		this.server.createSecret("api/key", "{\"key\":\"k\"}");
		ConfigurableApplicationContext context = run(
				"spring.config.import=optional:aws-secretsmanager:db/credentials;no/such;no/prefix/*;api/key");
		assertThat(context.getEnvironment().getProperty("username")).isEqualTo("app");
		assertThat(context.getEnvironment().getProperty("key")).isEqualTo("k");
		assertThat(secretsPropertySources(context)).singleElement()
			.satisfies((source) -> assertThat(source.getSecretKeys()).containsExactly(
					SecretKey.current("db/credentials"), SecretKey.current("api/key")));
	}

	@Test
	void anOptionalLocationWithEveryEntryMissingAddsNoPropertySource() {
		ConfigurableApplicationContext context = run("spring.config.import=optional:aws-secretsmanager:no/such;no/other");
		assertThat(secretsPropertySources(context)).isEmpty();
	}

	@Test
	void aMissingEntryOfALocationIsReportedWithItsOwnEntry(CapturedOutput output) {
		this.server.createSecret("db/credentials", "{\"username\":\"app\"}");
		assertThatException().isThrownBy(() -> run("spring.config.import=aws-secretsmanager:db/credentials;no/such"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("'no/such' (aws-secretsmanager:no/such)")
			.contains("optional:");
	}

	@Test
	void optionalDoesNotHideThrottling(CapturedOutput output) {
		this.server.faults().throttle("*", 100);
		assertThatException().isThrownBy(() -> run("spring.config.import=optional:aws-secretsmanager:db/credentials"))
			.withRootCauseInstanceOf(software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException.class);
		assertThat(output).contains("db/credentials").contains("throttled").doesNotContain("does not exist");
	}

	@Test
	void singleMissingSecretFailsNamingItAndTheFix(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("spring.config.import=aws-secretsmanager:no/such"));
		assertThat(output).contains("APPLICATION FAILED TO START").contains("'no/such'").contains("optional:");
	}

	@Test
	void severalFailuresAreReportedTogetherWithoutValues(CapturedOutput output) {
		this.server.createSecret("good", "{\"password\":\"" + MARKER + "\"}");
		this.server.createSecret("broken/json", "{\"password\":\"" + MARKER);
		assertThatException()
			.isThrownBy(() -> run("spring.config.import=aws-secretsmanager:good;missing/one;broken/json;missing/two"))
			.withRootCauseInstanceOf(RuntimeException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Secrets imported with spring.config.import could not be loaded")
			.contains("'missing/one'")
			.contains("'missing/two'")
			.contains("'broken/json'")
			.contains("PutSecretValue")
			.doesNotContain(MARKER);
	}

	@Test
	void aSecretPropertyThatCannotBeBoundIsReportedWithoutItsValue(CapturedOutput output) {
		this.server.createSecret("app/settings", "{\"app\":{\"port\":\"" + MARKER + "\"}}");
		assertThatException().isThrownBy(() -> this.contexts.add(new SpringApplicationBuilder(BindingApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties("spring.config.import=aws-secretsmanager:app/settings"))
			.run()));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Failed to bind properties under 'app.port' to int")
			.contains("aws-secretsmanager:app/settings")
			.contains("secret 'app/settings'")
			.doesNotContain(MARKER);
	}

	@Test
	void aSecretPropertyThatFailsValidationIsReportedWithoutItsValue(CapturedOutput output) {
		this.server.createSecret("db/credentials", "{\"password\":\"" + MARKER + "\"}");
		assertThatException().isThrownBy(() -> this.contexts.add(new SpringApplicationBuilder(ValidatingApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties("spring.config.import=aws-secretsmanager:db/credentials?prefix=db."))
			.run()));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: db.password")
			.contains("aws-secretsmanager:db/credentials")
			.contains("must be at least 64 characters")
			.doesNotContain(MARKER);
	}

	@Test
	void disabledIntegrationIgnoresImports(CapturedOutput output) {
		this.server.createSecret("db/credentials", "{\"username\":\"app\"}");
		this.server.requests().reset();
		ConfigurableApplicationContext context = run("secrets.enabled=false",
				"spring.config.import=aws-secretsmanager:db/credentials");
		assertThat(context.getEnvironment().getProperty("username")).isNull();
		assertThat(this.server.requests().counts()).isEmpty();
		assertThat(output).contains("secrets.enabled is false");
	}

	@Test
	void reRunWithTheSameBootstrapContextMakesNoCall() {
		this.server.createSecret("db/credentials", "{\"username\":\"app\"}");
		DefaultBootstrapContext bootstrap = new DefaultBootstrapContext();
		assertThat(loadEnvironment(bootstrap).getProperty("username")).isEqualTo("app");
		this.server.requests().reset();
		assertThat(loadEnvironment(bootstrap).getProperty("username")).isEqualTo("app");
		assertThat(this.server.requests().counts()).isEmpty();
	}

	@Test
	void propertySourceServesTheSnapshotTheCacheSwapsIn() {
		this.server.createSecret("db/credentials", "{\"username\":\"v1\"}");
		ConfigurableApplicationContext context = run("spring.config.import=aws-secretsmanager:db/credentials");
		this.server.putSecretValue("db/credentials", "{\"username\":\"v2\"}");
		context.getBean(SecretCache.class).refresh(SecretKey.current("db/credentials"));
		assertThat(context.getEnvironment().getProperty("username")).isEqualTo("v2");
	}

	@Test
	void aRotationOfOneSecretOfALocationIsVisibleAndLaterEntriesStillWin() {
		this.server.createSecret("first", "{\"shared\":\"first-one\",\"own\":\"first-one\"}");
		this.server.createSecret("second", "{\"shared\":\"second-one\"}");
		ConfigurableApplicationContext context = run("spring.config.import=aws-secretsmanager:first;second");
		SecretCache cache = context.getBean(SecretCache.class);
		this.server.putSecretValue("first", "{\"shared\":\"first-two\",\"own\":\"first-two\"}");
		cache.refresh(SecretKey.current("first"));
		assertThat(context.getEnvironment().getProperty("own")).isEqualTo("first-two");
		assertThat(context.getEnvironment().getProperty("shared")).isEqualTo("second-one");
		this.server.putSecretValue("second", "{\"other\":\"second-two\"}");
		cache.refresh(SecretKey.current("second"));
		assertThat(context.getEnvironment().getProperty("shared")).isEqualTo("first-two");
		assertThat(context.getEnvironment().getProperty("other")).isEqualTo("second-two");
	}

	@Test
	void customizerRegisteredInTheBootstrapRegistryAppliesToTheImportsClient() {
		this.server.createSecret("db/credentials", "{\"username\":\"app\"}");
		List<String> operations = new java.util.concurrent.CopyOnWriteArrayList<>();
		ExecutionInterceptor interceptor = new ExecutionInterceptor() {
			@Override
			public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
				operations.add(context.request().getClass().getSimpleName());
			}
		};
		SecretsManagerClientCustomizer customizer = (builder) -> builder.overrideConfiguration(
				builder.overrideConfiguration().toBuilder().addExecutionInterceptor(interceptor).build());
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties("spring.config.import=aws-secretsmanager:db/credentials"))
			.addBootstrapRegistryInitializer((registry) -> registry.register(SecretsManagerClientCustomizer.class,
					BootstrapRegistry.InstanceSupplier.of(customizer)))
			.run();
		this.contexts.add(context);
		assertThat(operations).containsExactly("BatchGetSecretValueRequest");
	}

	private static List<SecretsPropertySource> secretsPropertySources(ConfigurableApplicationContext context) {
		return context.getEnvironment()
			.getPropertySources()
			.stream()
			.filter(SecretsPropertySource.class::isInstance)
			.map(SecretsPropertySource.class::cast)
			.toList();
	}

	private StandardEnvironment loadEnvironment(DefaultBootstrapContext bootstrap) {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (String property : properties("spring.config.import=aws-secretsmanager:db/credentials")) {
			int equals = property.indexOf('=');
			map.put(property.substring(0, equals), property.substring(equals + 1));
		}
		environment.getPropertySources().addFirst(new MapPropertySource("test", map));
		ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(), bootstrap, List.of());
		return environment;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class })
	static class TestApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class })
	@EnableConfigurationProperties(AppProperties.class)
	static class BindingApplication {

	}

	@ConfigurationProperties("app")
	record AppProperties(int port) {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class })
	@EnableConfigurationProperties(DbProperties.class)
	static class ValidatingApplication {

	}

	// Validates itself: Boot's own report of a rejected value would print it.
	@ConfigurationProperties("db")
	static class DbProperties implements Validator {

		private String password = "";

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		@Override
		public boolean supports(Class<?> type) {
			return DbProperties.class.isAssignableFrom(type);
		}

		@Override
		public void validate(Object target, Errors errors) {
			if (((DbProperties) target).getPassword().length() < 64) {
				errors.rejectValue("password", "too.short", "must be at least 64 characters");
			}
		}

	}

}
