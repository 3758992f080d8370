package dev.secretsstarter.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.cache.SecretKey;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The start-up prefetch of {@code @SecretValue} secrets, in real {@code SpringApplication}s against
 * secrets-local through the real SDK: every site of the application is loaded in one call to the
 * cache before the first injection, whatever bean and kind of site it is in. API calls are counted
 * by the server.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretValuePrefetchIntegrationTests {

	private static final int SERVICES = 25;

	private static LocalSecretsManager server;

	/** The AWSCURRENT version id of each secret, as the server reports it. */
	private static final Map<String, String> currentVersions = new ConcurrentHashMap<>();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeAll
	static void startServer() {
		server = LocalSecretsManager.builder().port(0).build().start();
		server.addListener((event) -> {
			if (event.currentVersionId() != null) {
				currentVersions.put(event.name(), event.currentVersionId());
			}
		});
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void seed() {
		server.reset();
		for (int i = 1; i <= SERVICES; i++) {
			server.createSecret(String.format("app/secret-%02d", i), "value-" + i);
		}
		for (String name : List.of("field", "setter", "constructor", "handle", "bean-method", "returned", "lazy",
				"autowired-method")) {
			server.createSecret("mix/" + name, "{\"name\":\"" + name + "\"}");
		}
		server.createSecret("ver/a", "first");
		server.putSecretValue("ver/a", "second");
		server.requests().reset();
	}

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	private ConfigurableApplicationContext run(Class<?>... sources) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
			.properties(LocalClients.properties(server, "app.prefix=app",
					"app.version=" + currentVersions.get("ver/a")))
			.run();
		this.contexts.add(context);
		return context;
	}

	private Throwable startUpFailure(Class<?>... sources) {
		Throwable failure = catchThrowable(() -> run(sources));
		assertThat(failure).isNotNull();
		return failure;
	}

	private static @Nullable SecretInjectionException injectionFailure(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 20 && !(cause instanceof SecretInjectionException); depth++) {
			cause = cause.getCause();
		}
		return (SecretInjectionException) cause;
	}

	@Test
	void applicationWithTwentyFiveBeansUsingDistinctSecretsStartsWithTwoBatchCalls() {
		ConfigurableApplicationContext context = run(App.class, Service01.class, Service02.class,
				Service03.class, Service04.class, Service05.class, Service06.class, Service07.class,
				Service08.class, Service09.class, Service10.class, Service11.class, Service12.class,
				Service13.class, Service14.class, Service15.class, Service16.class, Service17.class,
				Service18.class, Service19.class, Service20.class, Service21.class, Service22.class,
				Service23.class, Service24.class, Service25.class);
		Map<String, Long> counts = server.requests().counts();
		System.out.println("API calls at start-up of an application with " + SERVICES
				+ " beans each using a distinct secret: " + counts);
		assertThat(counts).containsExactlyEntriesOf(Map.of("BatchGetSecretValue", 2L));
		Map<String, SecretUser> users = context.getBeansOfType(SecretUser.class);
		assertThat(users).hasSize(SERVICES);
		assertThat(users.values()).extracting(SecretUser::value)
			.containsExactlyInAnyOrderElementsOf(
					IntStream.rangeClosed(1, SERVICES).mapToObj((i) -> "value-" + i).toList());
	}

	@Test
	void fieldSetterConstructorAndBeanMethodSitesOfDifferentBeansLoadInOneBatchCall() {
		ConfigurableApplicationContext context = run(App.class, FieldBean.class, SetterBean.class,
				ConstructorBean.class, MixConfig.class, AutowiredMethodBean.class);
		Map<String, Long> counts = server.requests().counts();
		System.out.println("API calls at start-up of an application with 7 beans using 7 distinct secrets in"
				+ " fields, setters, constructor, @Bean and @Autowired method parameters: " + counts);
		assertThat(counts).containsExactlyEntriesOf(Map.of("BatchGetSecretValue", 1L));
		assertThat(context.getBean(FieldBean.class).name).isEqualTo("field");
		assertThat(context.getBean(SetterBean.class).name).isEqualTo("setter");
		assertThat(context.getBean(ConstructorBean.class).name).isEqualTo("constructor");
		assertThat(context.getBean(ConstructorBean.class).handle.get()).isEqualTo("handle");
		assertThat(context.getBean("fromBeanMethod")).isEqualTo("bean-method");
		assertThat(context.getBean(ReturnedBean.class).name).isEqualTo("returned");
		assertThat(context.getBean(AutowiredMethodBean.class).name).isEqualTo("autowired-method");
	}

	@Test
	void stagedAndPinnedVersionsAreStillReadWithGetSecretValue() {
		ConfigurableApplicationContext context = run(App.class, FieldBean.class, SetterBean.class,
				VersionBeans.class);
		assertThat(server.requests().counts())
			.containsExactlyInAnyOrderEntriesOf(Map.of("BatchGetSecretValue", 1L, "GetSecretValue", 2L));
		VersionBeans versions = context.getBean(VersionBeans.class);
		assertThat(versions.previous).isEqualTo("first");
		assertThat(versions.pinned).isEqualTo("second");
	}

	@Test
	void missingOptionalSecretDoesNotFailThePrefetchAndLeavesTheSiteAsBefore() {
		ConfigurableApplicationContext context = run(App.class, FieldBean.class, OptionalMissing.class);
		OptionalMissing bean = context.getBean(OptionalMissing.class);
		assertThat(bean.field).isEqualTo("default");
		assertThat(bean.parameter).isNull();
		assertThat(context.getBean(FieldBean.class).name).isEqualTo("field");
		// The prefetch, then, as without it, the constructor (with the field's key) and the field:
		// "does not exist" is not cached, so each asks again.
		assertThat(server.requests().counts()).containsExactlyEntriesOf(Map.of("BatchGetSecretValue", 3L));
	}

	@Test
	void missingRequiredSecretIsReportedByItsSiteAsBefore(CapturedOutput output) {
		SecretInjectionException ex = injectionFailure(startUpFailure(App.class, FieldBean.class,
				RequiredMissing.class));
		assertThat(ex).isNotNull();
		assertThat(ex.getReason()).isEqualTo(Reason.SECRET_NOT_FOUND);
		assertThat(ex.getSite()).isEqualTo("secretValuePrefetchIntegrationTests.RequiredMissing.value");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("@SecretValue secretValuePrefetchIntegrationTests.RequiredMissing.value (secret "
					+ "'does/not-exist' at stage AWSCURRENT): the secret does not exist")
			.contains("Create the secret, correct its name or version in @SecretValue, or set required = false.");
	}

	@Test
	void unresolvablePlaceholderIsReportedByItsSiteAsBefore() {
		Throwable failure = startUpFailure(App.class, FieldBean.class, UnresolvablePlaceholder.class);
		assertThat(failure).hasMessageContaining("secretValuePrefetchIntegrationTests.UnresolvablePlaceholder")
			.rootCause()
			.hasMessageContaining("Could not resolve placeholder 'no.such.property'");
	}

	@Test
	void lazyBeansAreNotPrefetched() {
		ConfigurableApplicationContext context = run(App.class, FieldBean.class, LazyBean.class);
		SecretCache cache = context.getBean(SecretCache.class);
		assertThat(cache.getIfPresent(SecretKey.current("mix/lazy"))).isNull();
		assertThat(server.requests().counts()).containsExactlyEntriesOf(Map.of("BatchGetSecretValue", 1L));
		assertThat(context.getBean(LazyBean.class).name).isEqualTo("lazy");
	}

	@Test
	void applicationWithoutSecretValueSitesMakesNoCall() {
		run(App.class, NoSecrets.class);
		assertThat(server.requests().counts()).isEmpty();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, SecretsManagerAutoConfiguration.class,
			SecretCacheAutoConfiguration.class, SecretValueAutoConfiguration.class })
	static class App {

	}

	interface SecretUser {

		String value();

	}

	static class FieldBean {

		@SecretValue(id = "mix/field", key = "name")
		String name;

	}

	static class SetterBean {

		String name;

		@SecretValue(id = "mix/setter", key = "name")
		void setName(String name) {
			this.name = name;
		}

	}

	static class ConstructorBean {

		final String name;

		final SecretHandle<String> handle;

		ConstructorBean(@SecretValue(id = "mix/constructor", key = "name") String name,
				@SecretValue(id = "mix/handle", key = "name") SecretHandle<String> handle) {
			this.name = name;
			this.handle = handle;
		}

	}

	static class AutowiredMethodBean {

		String name;

		@Autowired
		void init(@SecretValue(id = "mix/autowired-method", key = "name") String name) {
			this.name = name;
		}

	}

	static class ReturnedBean {

		@SecretValue(id = "mix/returned", key = "name")
		String name;

	}

	@Configuration(proxyBeanMethods = false)
	static class MixConfig {

		@Bean
		String fromBeanMethod(@SecretValue(id = "mix/bean-method", key = "name") String name) {
			return name;
		}

		@Bean
		ReturnedBean returned() {
			return new ReturnedBean();
		}

	}

	static class VersionBeans {

		@SecretValue(id = "ver/a", versionStage = "AWSPREVIOUS")
		String previous;

		@SecretValue(id = "ver/a", versionId = "${app.version}")
		String pinned;

	}

	static class OptionalMissing {

		@SecretValue(id = "does/not-exist", required = false)
		String field = "default";

		final @Nullable String parameter;

		OptionalMissing(@SecretValue(id = "does/not-exist-either", required = false) @Nullable String parameter) {
			this.parameter = parameter;
		}

	}

	static class RequiredMissing {

		@SecretValue("does/not-exist")
		String value;

	}

	static class UnresolvablePlaceholder {

		@SecretValue("${no.such.property}")
		String value;

	}

	@Lazy
	static class LazyBean {

		@SecretValue(id = "mix/lazy", key = "name")
		String name;

	}

	static class NoSecrets {

	}

	static class Service01 implements SecretUser {

		@SecretValue("${app.prefix}/secret-01")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service02 implements SecretUser {

		@SecretValue("${app.prefix}/secret-02")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service03 implements SecretUser {

		@SecretValue("${app.prefix}/secret-03")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service04 implements SecretUser {

		@SecretValue("${app.prefix}/secret-04")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service05 implements SecretUser {

		@SecretValue("${app.prefix}/secret-05")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service06 implements SecretUser {

		@SecretValue("${app.prefix}/secret-06")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service07 implements SecretUser {

		@SecretValue("${app.prefix}/secret-07")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service08 implements SecretUser {

		@SecretValue("${app.prefix}/secret-08")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service09 implements SecretUser {

		@SecretValue("${app.prefix}/secret-09")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service10 implements SecretUser {

		@SecretValue("${app.prefix}/secret-10")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service11 implements SecretUser {

		@SecretValue("${app.prefix}/secret-11")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service12 implements SecretUser {

		@SecretValue("${app.prefix}/secret-12")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service13 implements SecretUser {

		@SecretValue("${app.prefix}/secret-13")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service14 implements SecretUser {

		@SecretValue("${app.prefix}/secret-14")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service15 implements SecretUser {

		@SecretValue("${app.prefix}/secret-15")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service16 implements SecretUser {

		@SecretValue("${app.prefix}/secret-16")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service17 implements SecretUser {

		@SecretValue("${app.prefix}/secret-17")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service18 implements SecretUser {

		@SecretValue("${app.prefix}/secret-18")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service19 implements SecretUser {

		@SecretValue("${app.prefix}/secret-19")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service20 implements SecretUser {

		@SecretValue("${app.prefix}/secret-20")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service21 implements SecretUser {

		@SecretValue("${app.prefix}/secret-21")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service22 implements SecretUser {

		@SecretValue("${app.prefix}/secret-22")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service23 implements SecretUser {

		@SecretValue("${app.prefix}/secret-23")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service24 implements SecretUser {

		@SecretValue("${app.prefix}/secret-24")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}

	static class Service25 implements SecretUser {

		@SecretValue("${app.prefix}/secret-25")
		String value;

		@Override
		public String value() {
			return this.value;
		}

	}
}
