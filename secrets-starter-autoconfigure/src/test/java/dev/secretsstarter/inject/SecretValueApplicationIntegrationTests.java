package dev.secretsstarter.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.core.SecretAccessDeniedException;
import dev.secretsstarter.core.SecretsThrottledException;
import dev.secretsstarter.inject.SecretInjectionException.Reason;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Real {@code SpringApplication}s using {@code @SecretValue} against secrets-local through the
 * real SDK: what a running application sees, and how each start-up error is reported (through the
 * failure analyzer registered in {@code META-INF/spring.factories}) without leaking a value.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretValueApplicationIntegrationTests {

	private static final String MARKER = "app-m4rker-" + "value";

	private static LocalSecretsManager server;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeAll
	static void startServer() {
		server = LocalSecretsManager.builder().port(0).build().start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void seed() {
		server.reset();
		server.createSecret("app/plain", "plain-text");
		server.createSecret("db/credentials",
				"{\"username\":\"app\",\"password\":\"" + MARKER + "\",\"port\":\"5432\"}");
		server.createSecret("app/settings", "{\"timeout\":\"30s\"}");
		server.requests().reset();
	}

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	private ConfigurableApplicationContext run(Class<?>... sources) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
			.properties(LocalClients.properties(server,
					// Throttling is not retried, so that its test does not wait for the SDK's backoff.
					"secrets.client.max-attempts=1"))
			.run();
		this.contexts.add(context);
		return context;
	}

	private SecretInjectionException startUpFailure(Class<?>... sources) {
		Throwable failure = catchThrowable(() -> run(sources));
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 20 && !(cause instanceof SecretInjectionException); depth++) {
			cause = cause.getCause();
		}
		assertThat(cause).as("cause of %s", failure).isInstanceOf(SecretInjectionException.class);
		return (SecretInjectionException) cause;
	}

	@Test
	void applicationInjectsEverySiteAndLoadsAllBeansSecretsInOneBatchCall() {
		ConfigurableApplicationContext context = run(App.class, Consumer.class, ConsumerConfig.class);
		Consumer consumer = context.getBean(Consumer.class);
		assertThat(consumer.plain).isEqualTo("plain-text");
		assertThat(consumer.username).isEqualTo("app");
		assertThat(consumer.port).isEqualTo(5432);
		assertThat(consumer.credentials.get().password()).isEqualTo(MARKER);
		assertThat(context.getBean("summary")).isEqualTo("app:30s");
		// The secrets of both beans (db/credentials, app/plain, app/settings) are prefetched in one
		// call before the first injection; every site then finds its secret cached.
		Map<String, Long> counts = server.requests().counts();
		System.out.println("API calls at start-up of an application with 2 beans using 3 distinct secrets: " + counts);
		assertThat(counts).containsExactlyEntriesOf(Map.of("BatchGetSecretValue", 1L));
	}

	@Test
	void applicationWithFullAutoConfigurationInjectsSecrets() {
		ConfigurableApplicationContext context = run(AutoConfiguredApp.class, Consumer.class, ConsumerConfig.class);
		assertThat(context.getBean(Consumer.class).username).isEqualTo("app");
		assertThat(context.getBean(SecretInjectionSites.class).sites()).hasSize(6);
	}

	@Test
	void runningApplicationSeesPutSecretValueAfterCacheRefresh() {
		ConfigurableApplicationContext context = run(App.class, Consumer.class, ConsumerConfig.class);
		Consumer consumer = context.getBean(Consumer.class);
		server.putSecretValue("db/credentials", "{\"username\":\"new\",\"password\":\"rotated\",\"port\":\"6543\"}");
		context.getBean(SecretCache.class).refresh(SecretKey.current("db/credentials"));
		assertThat(consumer.credentials.get().password()).isEqualTo("rotated");
		assertThat(consumer.username).isEqualTo("new");
		assertThat(consumer.port).isEqualTo(6543);
		assertThat(consumer.plain).isEqualTo("plain-text");
	}

	@Test
	void missingSecretFailsStartNamingSiteSecretAndFix(CapturedOutput output) {
		SecretInjectionException ex = startUpFailure(App.class, MissingSecret.class);
		assertThat(ex.getReason()).isEqualTo(Reason.SECRET_NOT_FOUND);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("@SecretValue secretValueApplicationIntegrationTests.MissingSecret.value (secret 'does/not-exist' at stage AWSCURRENT): the secret does not exist")
			.contains("Create the secret, correct its name or version in @SecretValue, or set required = false.")
			.doesNotContain(MARKER);
	}

	@Test
	void missingVersionFailsStart(CapturedOutput output) {
		SecretInjectionException ex = startUpFailure(App.class, MissingVersion.class);
		assertThat(ex.getReason()).isEqualTo(Reason.SECRET_NOT_FOUND);
		assertThat(output).contains("(secret 'db/credentials' at stage AWSPREVIOUS, key 'password'): "
				+ "the secret does not exist or has no such version").doesNotContain(MARKER);
	}

	@Test
	void missingKeyFailsStartListingKeyNamesButNoValue(CapturedOutput output) {
		SecretInjectionException ex = startUpFailure(App.class, MissingKey.class);
		assertThat(ex.getReason()).isEqualTo(Reason.KEY_NOT_FOUND);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("@SecretValue secretValueApplicationIntegrationTests.MissingKey.value (secret 'db/credentials' at stage AWSCURRENT, key 'pasword')")
			.contains("available keys: [username, password, port]")
			.contains("Correct the key in @SecretValue")
			.doesNotContain(MARKER);
	}

	@Test
	void unconvertibleValueFailsStartNamingTypeButNoValue(CapturedOutput output) {
		SecretInjectionException ex = startUpFailure(App.class, WrongType.class);
		assertThat(ex.getReason()).isEqualTo(Reason.NOT_CONVERTIBLE);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains(".<init>(value) (secret 'db/credentials' at stage AWSCURRENT, key 'password')")
			.contains("cannot be converted to java.time.Duration")
			.doesNotContain(MARKER);
	}

	@Test
	void malformedJsonFailsStartWithPositionButNoContent(CapturedOutput output) {
		server.putSecretValue("db/credentials", "{\"username\":\"app\",\n \"password\": " + MARKER + "}");
		SecretInjectionException ex = startUpFailure(App.class, MissingKey.class);
		assertThat(ex.getReason()).isEqualTo(Reason.MALFORMED_JSON);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("the secret is not valid JSON at line 2, column")
			.contains("(content not shown)")
			.doesNotContain(MARKER);
	}

	@Test
	void unresolvablePlaceholderFailsStartNamingSiteAttributeAndFix(CapturedOutput output) {
		SecretInjectionException ex = startUpFailure(App.class, UnresolvablePlaceholder.class);
		assertThat(ex.getReason()).isEqualTo(Reason.INVALID_DECLARATION);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("@SecretValue secretValueApplicationIntegrationTests.UnresolvablePlaceholder.value: "
					+ "the id '${app.secret-name}' has a placeholder that cannot be resolved")
			.contains("Define the property, or give the placeholder a default");
	}

	@Test
	void accessDeniedFailsStartEvenForOptionalSecret(CapturedOutput output) {
		server.faults().fail("BatchGetSecretValue", "AccessDeniedException", 400, 10);
		server.faults().fail("GetSecretValue", "AccessDeniedException", 400, 10);
		SecretInjectionException ex = startUpFailure(App.class, OptionalField.class);
		assertThat(ex.getReason()).isEqualTo(Reason.LOAD_FAILED);
		assertThat(ex.getCause()).isInstanceOf(SecretAccessDeniedException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("(secret 'db/credentials' at stage AWSCURRENT, key 'password'): the secret could not be read: "
					+ "Access to secret 'db/credentials' was denied")
			.doesNotContain(MARKER);
	}

	@Test
	void accessDeniedFailsStartEvenForOptionalParameterAndHandle() {
		server.faults().fail("BatchGetSecretValue", "AccessDeniedException", 400, 10);
		server.faults().fail("GetSecretValue", "AccessDeniedException", 400, 10);
		SecretInjectionException ex = startUpFailure(App.class, OptionalParameters.class);
		assertThat(ex.getReason()).isEqualTo(Reason.LOAD_FAILED);
		assertThat(ex.getSite()).endsWith(".<init>(handle)");
		assertThat(ex.getCause()).isInstanceOf(SecretAccessDeniedException.class);
	}

	@Test
	void throttlingFailsStartEvenForOptionalSecret(CapturedOutput output) {
		server.faults().throttle("*", 10);
		SecretInjectionException ex = startUpFailure(App.class, OptionalField.class);
		assertThat(ex.getReason()).isEqualTo(Reason.LOAD_FAILED);
		assertThat(ex.getCause()).isInstanceOf(SecretsThrottledException.class);
		assertThat(output).contains("APPLICATION FAILED TO START").contains("throttled").doesNotContain(MARKER);
	}

	@Test
	void optionalSecretThatIsMissingLetsTheApplicationStart() {
		ConfigurableApplicationContext context = run(App.class, OptionalField.class, OptionalParameters.class);
		assertThat(context.getBean(OptionalField.class).missing).isEqualTo("default");
		assertThat(context.getBean(OptionalField.class).password).isEqualTo(MARKER);
		assertThat(context.getBean(OptionalParameters.class).handle.get()).isNull();
		assertThat(context.getBean(OptionalParameters.class).value).isNull();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, SecretsManagerAutoConfiguration.class,
			SecretCacheAutoConfiguration.class, SecretValueAutoConfiguration.class })
	static class App {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class AutoConfiguredApp {

	}

	record DbCredentials(String username, String password, int port) {
	}

	static class Consumer {

		final SecretHandle<DbCredentials> credentials;

		@SecretValue("app/plain")
		String plain;

		@SecretValue(id = "db/credentials", key = "port")
		int port;

		volatile String username;

		Consumer(@SecretValue("db/credentials") SecretHandle<DbCredentials> credentials) {
			this.credentials = credentials;
		}

		@SecretValue(id = "db/credentials", key = "username")
		void setUsername(String username) {
			this.username = username;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConsumerConfig {

		@Bean
		String summary(@SecretValue(id = "db/credentials", key = "username") String username,
				@SecretValue(id = "app/settings", key = "timeout") String timeout) {
			return username + ":" + timeout;
		}

	}

	static class MissingSecret {

		@SecretValue("does/not-exist")
		String value;

		@SecretValue(id = "db/credentials", key = "password")
		String loaded;

	}

	static class MissingVersion {

		@SecretValue(id = "db/credentials", key = "password", versionStage = "AWSPREVIOUS")
		String value;

	}

	static class MissingKey {

		@SecretValue(id = "db/credentials", key = "pasword")
		String value;

	}

	static class UnresolvablePlaceholder {

		@SecretValue("${app.secret-name}")
		String value;

	}

	record WrongType(@SecretValue(id = "db/credentials", key = "password") java.time.Duration value) {
	}

	static class OptionalField {

		@SecretValue(id = "db/credentials", key = "password", required = false)
		String password;

		@SecretValue(id = "does/not-exist", required = false)
		String missing = "default";

	}

	static class OptionalParameters {

		final SecretHandle<String> handle;

		final @Nullable String value;

		OptionalParameters(@SecretValue(id = "does/not-exist", required = false) SecretHandle<String> handle,
				@SecretValue(id = "db/credentials", key = "absent", required = false) @Nullable String value) {
			this.handle = handle;
			this.value = value;
		}

	}

}
