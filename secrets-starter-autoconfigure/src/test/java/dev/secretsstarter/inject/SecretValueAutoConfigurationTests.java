package dev.secretsstarter.inject;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretUsages;
import dev.secretsstarter.inject.SecretInjectionException.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wiring of {@code @SecretValue} (post-processor, parameter resolver, registry, failure
 * analysis) against an in-memory secret source; {@code SecretValueIntegrationTests} repeats the
 * main paths against secrets-local through the real SDK.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretValueAutoConfigurationTests {

	private static final String MARKER = "m4rker-" + "value";

	private final InMemorySecrets secrets = new InMemorySecrets().put("app/plain", "plain-text")
		.put("db/credentials", "{\"username\":\"app\",\"password\":\"" + MARKER + "\",\"port\":\"5432\"}")
		.put("app/expression", "#{T(java.lang.System).exit(1)}${user.home}");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class, SecretValueAutoConfiguration.class))
		.withBean(SecretUsages.class)
		.withBean(SecretCache.class, () -> new TestSecretCache(this.secrets::fetch));

	@Test
	void fieldsReceiveEachTargetType() {
		this.runner.withUserConfiguration(FieldsConfig.class).run((context) -> {
			Fields fields = context.getBean(Fields.class);
			assertThat(fields.plain).isEqualTo("plain-text");
			assertThat(fields.password).isEqualTo(MARKER.toCharArray());
			assertThat(fields.port).isEqualTo(5432);
			assertThat(fields.credentials).isEqualTo(new DbCredentials("app", MARKER, 5432));
			assertThat(fields.map).containsEntry("username", "app");
			assertThat(fields.bytes).isEqualTo("plain-text".getBytes());
		});
	}

	@Test
	void setterReceivesValue() {
		this.runner.withUserConfiguration(FieldsConfig.class)
			.run((context) -> assertThat(context.getBean(Fields.class).fromSetter).isEqualTo("app"));
	}

	@Test
	void constructorParameterReceivesValue() {
		this.runner.withUserConfiguration(ConstructorConfig.class)
			.run((context) -> assertThat(context.getBean(ConstructorBean.class).password).isEqualTo(MARKER));
	}

	@Test
	void beanMethodParameterReceivesValue() {
		this.runner.withUserConfiguration(BeanMethodConfig.class)
			.run((context) -> assertThat(context.getBean("fromBeanMethod")).isEqualTo("app:" + MARKER));
	}

	@Test
	void secretContainingPlaceholderAndExpressionSyntaxIsInjectedVerbatim() {
		this.runner.withUserConfiguration(ExpressionConfig.class)
			.run((context) -> assertThat(context.getBean(ExpressionBean.class).value)
				.isEqualTo("#{T(java.lang.System).exit(1)}${user.home}"));
	}

	@Test
	void placeholdersInAttributesAreResolved() {
		this.runner.withUserConfiguration(PlaceholderConfig.class)
			.withPropertyValues("app.secret=db/credentials", "app.key=username")
			.run((context) -> assertThat(context.getBean(PlaceholderBean.class).value).isEqualTo("app"));
	}

	@Test
	void versionIdSelectsThatVersion() {
		String first = this.secrets.versionOf("app/plain");
		this.secrets.put("app/plain", "second");
		this.runner.withUserConfiguration(VersionConfig.class)
			.withPropertyValues("app.version=" + first)
			.run((context) -> {
				VersionBean bean = context.getBean(VersionBean.class);
				assertThat(bean.pinned).isEqualTo("plain-text");
				assertThat(bean.current).isEqualTo("second");
			});
	}

	@Test
	void optionalSecretsThatAreAbsentInjectNothingEmptyOrNull() {
		this.runner.withUserConfiguration(OptionalConfig.class).run((context) -> {
			OptionalBean bean = context.getBean(OptionalBean.class);
			assertThat(bean.keepsDefault).isEqualTo("default");
			assertThat(bean.optional).isEmpty();
			assertThat(bean.missingKey).isEmpty();
			assertThat(bean.handle.get()).isNull();
			assertThat(bean.parameter).isNull();
		});
	}

	@Test
	void handleReturnsNewValueAfterCacheRefresh() {
		this.runner.withUserConfiguration(ConstructorConfig.class).run((context) -> {
			ConstructorBean bean = context.getBean(ConstructorBean.class);
			assertThat(bean.credentials.get().password()).isEqualTo(MARKER);
			this.secrets.put("db/credentials", "{\"username\":\"app\",\"password\":\"rotated\",\"port\":\"5432\"}");
			context.getBean(SecretCache.class).refresh(SecretKey.current("db/credentials"));
			assertThat(bean.credentials.get().password()).isEqualTo("rotated");
			assertThat(bean.credentials.versionId()).isEqualTo(this.secrets.versionOf("db/credentials"));
		});
	}

	@Test
	void fieldsAndSettersAreReinjectedAfterCacheSwapButConstructorParametersAreNot() {
		this.runner.withUserConfiguration(FieldsConfig.class, ConstructorConfig.class).run((context) -> {
			this.secrets.put("db/credentials", "{\"username\":\"new\",\"password\":\"rotated\",\"port\":\"6543\"}");
			context.getBean(SecretCache.class).refresh(SecretKey.current("db/credentials"));
			Fields fields = context.getBean(Fields.class);
			assertThat(fields.password).isEqualTo("rotated".toCharArray());
			assertThat(fields.port).isEqualTo(6543);
			assertThat(fields.credentials.username()).isEqualTo("new");
			assertThat(fields.fromSetter).isEqualTo("new");
			assertThat(context.getBean(ConstructorBean.class).password).isEqualTo(MARKER);
		});
	}

	@Test
	void prototypeBeansAreNotKeptForReinjection() {
		this.runner.withUserConfiguration(PrototypeConfig.class).run((context) -> {
			context.getBean(Fields.class);
			assertThat(context.getBean(SecretInjectionSites.class).hasMembers(context.getBean(Fields.class)))
				.isFalse();
		});
	}

	@Test
	void beanUsingOneSecretInManySitesFetchesItOnce() {
		this.runner.withUserConfiguration(FieldsConfig.class)
			.run((context) -> assertThat(this.secrets.fetches).hasValue(2));
	}

	@Test
	void sitesAreRecordedAsUsages() {
		this.runner.withUserConfiguration(FieldsConfig.class, ConstructorConfig.class).run((context) -> {
			SecretUsages usages = context.getBean(SecretUsages.class);
			assertThat(usages.usagesOf(SecretKey.current("db/credentials"))).contains("@SecretValue fields.password",
					"@SecretValue fields.setUsername(..)", "@SecretValue " + ConstructorBean.class.getName() + ".<init>(password)",
					"SecretHandle " + ConstructorBean.class.getName() + ".<init>(credentials)");
		});
	}

	@Test
	void missingSecretFailsStartWithSiteAndSecretNamed(CapturedOutput output) {
		this.runner.withUserConfiguration(MissingSecretConfig.class).run((context) -> {
			SecretInjectionException ex = failure(context.getStartupFailure());
			assertThat(ex.getReason()).isEqualTo(Reason.SECRET_NOT_FOUND);
			assertThat(ex.getMessage()).contains("missingSecretBean.value", "'does/not-exist'");
			FailureAnalysis analysis = new SecretInjectionFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getAction()).contains("required = false");
		});
	}

	@Test
	void missingKeyFailsStartListingKeyNamesButNoValue(CapturedOutput output) {
		this.runner.withUserConfiguration(MissingKeyConfig.class).run((context) -> {
			SecretInjectionException ex = failure(context.getStartupFailure());
			assertThat(ex.getReason()).isEqualTo(Reason.KEY_NOT_FOUND);
			assertThat(ex.getMessage()).contains("missingKeyBean.value", "'pasword'",
					"[username, password, port]");
			assertThat(output).doesNotContain(MARKER);
		});
	}

	@Test
	void unconvertibleValueFailsStartNamingTypeButNoValue(CapturedOutput output) {
		this.runner.withUserConfiguration(WrongTypeConfig.class).run((context) -> {
			SecretInjectionException ex = failure(context.getStartupFailure());
			assertThat(ex.getReason()).isEqualTo(Reason.NOT_CONVERTIBLE);
			assertThat(ex.getMessage()).contains("wrongTypeBean.wrongTypeBean(value)", "java.time.Duration");
			assertThat(output).doesNotContain(MARKER);
		});
	}

	@Test
	void malformedJsonFailsStartWithPositionButNoContent(CapturedOutput output) {
		this.secrets.put("db/credentials", "{\"password\": " + MARKER + "}");
		this.runner.withUserConfiguration(FieldsConfig.class).run((context) -> {
			SecretInjectionException ex = failure(context.getStartupFailure());
			assertThat(ex.getReason()).isEqualTo(Reason.MALFORMED_JSON);
			assertThat(ex.getMessage()).contains("line 1, column");
			assertThat(output).doesNotContain(MARKER);
		});
	}

	private static SecretInjectionException failure(@Nullable Throwable startupFailure) {
		assertThat(startupFailure).isInstanceOf(BeanCreationException.class);
		Throwable cause = startupFailure;
		while (cause != null && !(cause instanceof SecretInjectionException)) {
			cause = cause.getCause();
		}
		assertThat(cause).isNotNull();
		return (SecretInjectionException) cause;
	}

	record DbCredentials(String username, String password, int port) {
	}

	static class Fields {

		@SecretValue("app/plain")
		String plain;

		@SecretValue(id = "db/credentials", key = "password")
		char[] password;

		@SecretValue(id = "db/credentials", key = "port")
		int port;

		@SecretValue("db/credentials")
		DbCredentials credentials;

		@SecretValue("db/credentials")
		Map<String, Object> map;

		@SecretValue("app/plain")
		byte[] bytes;

		String fromSetter;

		@SecretValue(id = "db/credentials", key = "username")
		void setUsername(String username) {
			this.fromSetter = username;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FieldsConfig {

		@Bean
		Fields fields() {
			return new Fields();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrototypeConfig {

		@Bean
		@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
		Fields fields() {
			return new Fields();
		}

	}

	static class ConstructorBean {

		final String password;

		final SecretHandle<DbCredentials> credentials;

		ConstructorBean(@SecretValue(id = "db/credentials", key = "password") String password,
				@SecretValue("db/credentials") SecretHandle<DbCredentials> credentials) {
			this.password = password;
			this.credentials = credentials;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(ConstructorBean.class)
	static class ConstructorConfig {

	}

	@Configuration(proxyBeanMethods = false)
	static class BeanMethodConfig {

		@Bean
		String fromBeanMethod(@SecretValue(id = "db/credentials", key = "username") String username,
				@SecretValue(id = "db/credentials", key = "password") String password) {
			return username + ":" + password;
		}

	}

	record ExpressionBean(@SecretValue("app/expression") String value) {
	}

	@Configuration(proxyBeanMethods = false)
	@Import(ExpressionBean.class)
	static class ExpressionConfig {

	}

	record PlaceholderBean(@SecretValue(id = "${app.secret}", key = "${app.key}") String value) {
	}

	@Configuration(proxyBeanMethods = false)
	@Import(PlaceholderBean.class)
	static class PlaceholderConfig {

	}

	static class VersionBean {

		@SecretValue(id = "app/plain", versionId = "${app.version}")
		String pinned;

		@SecretValue(id = "app/plain", versionStage = "AWSCURRENT")
		String current;

	}

	@Configuration(proxyBeanMethods = false)
	@Import(VersionBean.class)
	static class VersionConfig {

	}

	static class OptionalBean {

		@SecretValue(id = "does/not-exist", required = false)
		String keepsDefault = "default";

		@SecretValue(id = "does/not-exist", required = false)
		Optional<String> optional;

		@SecretValue(id = "db/credentials", key = "absent", required = false)
		Optional<String> missingKey;

		final SecretHandle<String> handle;

		final @Nullable String parameter;

		OptionalBean(@SecretValue(id = "does/not-exist", required = false) SecretHandle<String> handle,
				@SecretValue(id = "does/not-exist", required = false) @Nullable String parameter) {
			this.handle = handle;
			this.parameter = parameter;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(OptionalBean.class)
	static class OptionalConfig {

	}

	static class MissingSecretBean {

		@SecretValue("does/not-exist")
		String value;

	}

	@Configuration(proxyBeanMethods = false)
	static class MissingSecretConfig {

		@Bean
		MissingSecretBean missingSecretBean() {
			return new MissingSecretBean();
		}

	}

	static class MissingKeyBean {

		@SecretValue(id = "db/credentials", key = "pasword")
		String value;

	}

	@Configuration(proxyBeanMethods = false)
	static class MissingKeyConfig {

		@Bean
		MissingKeyBean missingKeyBean() {
			return new MissingKeyBean();
		}

	}

	record WrongTypeBean(@SecretValue(id = "db/credentials", key = "password") java.time.Duration value) {
	}

	@Configuration(proxyBeanMethods = false)
	static class WrongTypeConfig {

		@Bean
		WrongTypeBean wrongTypeBean(@SecretValue(id = "db/credentials", key = "password") java.time.Duration value) {
			return new WrongTypeBean(value);
		}

	}

}
