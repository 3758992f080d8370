package dev.secretsstarter.inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretUsages;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;
import org.springframework.context.support.ApplicationObjectSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @SecretValue} and {@code SecretHandle} on real parts: the real client, cache and
 * injection auto-configurations, the real AWS SDK over HTTP, and secrets-local seeded through its
 * API. API calls are counted by the server.
 */
class SecretValueIntegrationTests {

	private static final String MARKER = "m4rker-" + "value";

	private static final byte[] BINARY = { 0, 1, 2, (byte) 0xFF };

	private static LocalSecretsManager server;

	/** The AWSCURRENT version id of each secret, as the server reports it. */
	private static final Map<String, String> currentVersions = new ConcurrentHashMap<>();

	// Without Netty no asynchronous client is created, whose event loop takes seconds to close.
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
		.withConfiguration(AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class,
				SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class,
				SecretValueAutoConfiguration.class))
		.withPropertyValues(LocalClients.properties(server));

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
		server.createSecret("app/plain", "plain-text");
		server.createSecret("db/credentials",
				"{\"username\":\"app\",\"password\":\"" + MARKER + "\",\"port\":\"5432\"}");
		server.createSecret("app/settings",
				"{\"timeout\":\"30s\",\"db\":{\"password\":\"nested-pw\",\"hosts\":[\"h1\",\"h2\"]},\"a.b\":\"dotted\"}");
		server.createSecret("app/binary", BINARY);
		server.createSecret("app/expression", "#{T(java.lang.System).exit(1)}${user.home}");
		server.requests().reset();
	}

	@Test
	void fieldsReceiveEachTargetType() {
		this.runner.withUserConfiguration(FieldsConfig.class).run((context) -> {
			Fields fields = context.getBean(Fields.class);
			assertThat(fields.plain).isEqualTo("plain-text");
			assertThat(fields.password).isEqualTo(MARKER.toCharArray());
			assertThat(fields.binary).isEqualTo(BINARY);
			assertThat(fields.map).containsExactly(Map.entry("username", "app"), Map.entry("password", MARKER),
					Map.entry("port", "5432"));
			assertThat(fields.credentials).isEqualTo(new DbCredentials("app", MARKER, 5432));
			assertThat(fields.pojo.getUsername()).isEqualTo("app");
			assertThat(fields.port).isEqualTo(5432);
			assertThat(fields.timeout).isEqualTo(Duration.ofSeconds(30));
			assertThat(fields.optional).contains("app");
			assertThat(fields.handle.get()).isEqualTo(new DbCredentials("app", MARKER, 5432));
		});
	}

	@Test
	void setterReceivesValue() {
		this.runner.withUserConfiguration(FieldsConfig.class)
			.run((context) -> assertThat(context.getBean(Fields.class).fromSetter).isEqualTo("app"));
	}

	@Test
	void beanExtendingASpringTypeReceivesItsOwnFieldsAndSetters() {
		this.runner.withUserConfiguration(SpringSubclassConfig.class).run((context) -> {
			SpringSubclass bean = context.getBean(SpringSubclass.class);
			assertThat(bean.plain).isEqualTo("plain-text");
			assertThat(bean.fromSetter).isEqualTo("app");
		});
	}

	@Test
	void constructorParametersReceiveValueAndLiveHandle() {
		this.runner.withUserConfiguration(ConstructorConfig.class).run((context) -> {
			ConstructorBean bean = context.getBean(ConstructorBean.class);
			assertThat(bean.password).isEqualTo(MARKER);
			assertThat(bean.credentials.get()).isEqualTo(new DbCredentials("app", MARKER, 5432));
			assertThat(bean.credentials.versionId()).isEqualTo(currentVersions.get("db/credentials"));
		});
	}

	@Test
	void beanMethodParametersReceiveValues() {
		this.runner.withUserConfiguration(BeanMethodConfig.class)
			.run((context) -> assertThat(context.getBean("fromBeanMethod")).isEqualTo("app:" + MARKER + ":30s"));
	}

	@Test
	void secretContainingPlaceholderAndExpressionSyntaxIsInjectedVerbatim() {
		this.runner.withUserConfiguration(ExpressionConfig.class).run((context) -> {
			assertThat(context.getBean(ExpressionBean.class).value())
				.isEqualTo("#{T(java.lang.System).exit(1)}${user.home}");
			assertThat(context.getBean(ExpressionFields.class).value)
				.isEqualTo("#{T(java.lang.System).exit(1)}${user.home}");
		});
	}

	@Test
	void placeholdersInAttributesAreResolved() {
		this.runner.withUserConfiguration(PlaceholderConfig.class)
			.withPropertyValues("app.secret=db/credentials", "app.key=username")
			.run((context) -> {
				PlaceholderBean bean = context.getBean(PlaceholderBean.class);
				assertThat(bean.fromConstructor).isEqualTo("app");
				assertThat(bean.fromField).isEqualTo("app");
			});
	}

	@Test
	void keyPathsReachNestedObjectsArrayElementsAndDottedNames() {
		this.runner.withUserConfiguration(KeyPathConfig.class).run((context) -> {
			KeyPathBean bean = context.getBean(KeyPathBean.class);
			assertThat(bean.nested).isEqualTo("nested-pw");
			assertThat(bean.element).isEqualTo("h2");
			assertThat(bean.hosts).containsExactly("h1", "h2");
			assertThat(bean.dotted).isEqualTo("dotted");
		});
	}

	@Test
	void versionStageAwsPreviousInjectsTheValueBeforeTheLastPut() {
		server.putSecretValue("app/plain", "second");
		this.runner.withUserConfiguration(VersionConfig.class)
			.withPropertyValues("app.version=" + currentVersions.get("app/plain"))
			.run((context) -> {
				VersionBean bean = context.getBean(VersionBean.class);
				assertThat(bean.previous).isEqualTo("plain-text");
				assertThat(bean.current).isEqualTo("second");
			});
	}

	@Test
	void versionIdInjectsThatVersionAfterLaterPuts() {
		String first = currentVersions.get("app/plain");
		server.putSecretValue("app/plain", "second");
		server.putSecretValue("app/plain", "third");
		this.runner.withUserConfiguration(VersionConfig.class)
			.withPropertyValues("app.version=" + first)
			.run((context) -> {
				VersionBean bean = context.getBean(VersionBean.class);
				assertThat(bean.pinned).isEqualTo("plain-text");
				assertThat(bean.current).isEqualTo("third");
			});
	}

	@Test
	void optionalSecretsThatAreAbsentInjectNothingEmptyOrNull() {
		this.runner.withUserConfiguration(OptionalConfig.class).run((context) -> {
			assertThat(context).hasNotFailed();
			OptionalBean bean = context.getBean(OptionalBean.class);
			assertThat(bean.keepsDefault).isEqualTo("default");
			assertThat(bean.optional).isEmpty();
			assertThat(bean.missingKey).isEmpty();
			assertThat(bean.setterCalled).isFalse();
			assertThat(bean.handle.get()).isNull();
			assertThat(bean.parameter).isNull();
		});
	}

	@Test
	void handleOfAbsentOptionalSecretPicksItUpOnceCreatedAndLoaded() {
		this.runner.withUserConfiguration(OptionalConfig.class).run((context) -> {
			server.createSecret("does/not-exist", "now-here");
			context.getBean(SecretCache.class).refresh(SecretKey.current("does/not-exist"));
			assertThat(context.getBean(OptionalBean.class).handle.get()).isEqualTo("now-here");
		});
	}

	@Test
	void handleIsCurrentAfterPutSecretValueAndCacheRefresh() {
		this.runner.withUserConfiguration(ConstructorConfig.class).run((context) -> {
			ConstructorBean bean = context.getBean(ConstructorBean.class);
			server.putSecretValue("db/credentials", "{\"username\":\"app\",\"password\":\"rotated\",\"port\":\"5432\"}");
			context.getBean(SecretCache.class).refresh(SecretKey.current("db/credentials"));
			assertThat(bean.credentials.get().password()).isEqualTo("rotated");
			assertThat(bean.credentials.versionId()).isEqualTo(currentVersions.get("db/credentials"));
		});
	}

	@Test
	void fieldsAndSettersAreReinjectedAfterCacheSwap() {
		this.runner.withUserConfiguration(FieldsConfig.class).run((context) -> {
			server.putSecretValue("db/credentials", "{\"username\":\"new\",\"password\":\"rotated\",\"port\":\"6543\"}");
			context.getBean(SecretCache.class).refresh(SecretKey.current("db/credentials"));
			Fields fields = context.getBean(Fields.class);
			assertThat(fields.password).isEqualTo("rotated".toCharArray());
			assertThat(fields.port).isEqualTo(6543);
			assertThat(fields.credentials).isEqualTo(new DbCredentials("new", "rotated", 6543));
			assertThat(fields.optional).contains("new");
			assertThat(fields.fromSetter).isEqualTo("new");
			assertThat(fields.plain).isEqualTo("plain-text");
		});
	}

	@Test
	void constructorParametersAreNotReinjectedAfterCacheSwap() {
		this.runner.withUserConfiguration(ConstructorConfig.class).run((context) -> {
			server.putSecretValue("db/credentials", "{\"username\":\"app\",\"password\":\"rotated\",\"port\":\"5432\"}");
			context.getBean(SecretCache.class).refresh(SecretKey.current("db/credentials"));
			assertThat(context.getBean(ConstructorBean.class).password).isEqualTo(MARKER);
		});
	}

	@Test
	void prototypeBeansAreNotKeptForReinjection() {
		this.runner.withUserConfiguration(PrototypeConfig.class).run((context) -> {
			Fields fields = context.getBean(Fields.class);
			assertThat(fields.plain).isEqualTo("plain-text");
			assertThat(context.getBean(SecretInjectionSites.class).hasMembers(fields)).isFalse();
		});
	}

	@Test
	void beanUsingSecretsInManySitesFetchesEachOnceInOneBatchCall() {
		this.runner.withUserConfiguration(FieldsConfig.class).run((context) -> {
			assertThat(context).hasNotFailed();
			// Fields uses app/plain, app/binary, db/credentials and app/settings in 11 sites.
			assertThat(server.requests().counts()).containsExactlyEntriesOf(Map.of("BatchGetSecretValue", 1L));
		});
	}

	@Test
	void beanWithThreeDistinctSecretsInFieldsLoadsThemInOneBatchCall() {
		this.runner.withUserConfiguration(ThreeSecretFieldsConfig.class).run((context) -> {
			assertThat(context.getBean(ThreeSecretFields.class).values()).containsExactly("plain-text", "app", "30s");
			Map<String, Long> counts = server.requests().counts();
			System.out.println("API calls for a bean with 3 distinct secrets in fields: " + counts);
			assertThat(counts).containsExactlyEntriesOf(Map.of("BatchGetSecretValue", 1L));
		});
	}

	@Test
	void beanWithThreeDistinctSecretsInConstructorAndFieldsLoadsThemInOneBatchCall() {
		this.runner.withUserConfiguration(ThreeSecretConstructorConfig.class).run((context) -> {
			ThreeSecretConstructor bean = context.getBean(ThreeSecretConstructor.class);
			assertThat(List.of(bean.plain, bean.username, bean.timeout)).containsExactly("plain-text", "app", "30s");
			assertThat(bean.binary).isEqualTo(BINARY);
			Map<String, Long> counts = server.requests().counts();
			System.out.println("API calls for a bean with 3 distinct secrets in constructor parameters and"
					+ " 1 in a field: " + counts);
			assertThat(counts).containsExactlyEntriesOf(Map.of("BatchGetSecretValue", 1L));
		});
	}

	@Test
	void beanMethodWithThreeDistinctSecretsLoadsThemInOneBatchCall() {
		this.runner.withUserConfiguration(BeanMethodConfig.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(server.requests().counts()).containsExactlyEntriesOf(Map.of("BatchGetSecretValue", 1L));
		});
	}

	@Test
	void pinnedAndPreviousVersionsAreReadWithGetSecretValue() {
		String first = currentVersions.get("app/plain");
		server.putSecretValue("app/plain", "second");
		server.requests().reset();
		this.runner.withUserConfiguration(VersionConfig.class)
			.withPropertyValues("app.version=" + first)
			.run((context) -> assertThat(server.requests().counts())
				.containsExactlyInAnyOrderEntriesOf(Map.of("BatchGetSecretValue", 1L, "GetSecretValue", 2L)));
	}

	@Test
	void sitesAreRecordedAsUsages() {
		this.runner.withUserConfiguration(FieldsConfig.class, ConstructorConfig.class).run((context) -> {
			SecretUsages usages = context.getBean(SecretUsages.class);
			assertThat(usages.usagesOf(SecretKey.current("db/credentials"))).contains("@SecretValue fields.password",
					"@SecretValue fields.setUsername(..)",
					"@SecretValue " + ConstructorBean.class.getName() + ".<init>(password)",
					"SecretHandle " + ConstructorBean.class.getName() + ".<init>(credentials)");
		});
	}

	@Test
	void nothingIsInjectedWhenSecretsAreDisabled() {
		this.runner.withPropertyValues("secrets.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecretInjectionSites.class)
				.doesNotHaveBean(SecretCache.class));
	}

	record DbCredentials(String username, String password, int port) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	static class DbUser {

		private String username;

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

	}

	static class Fields {

		@SecretValue("app/plain")
		String plain;

		@SecretValue(id = "db/credentials", key = "password")
		char[] password;

		@SecretValue("app/binary")
		byte[] binary;

		@SecretValue("db/credentials")
		Map<String, String> map;

		@SecretValue("db/credentials")
		DbCredentials credentials;

		@SecretValue(id = "db/credentials", key = "username")
		Optional<String> optional;

		@SecretValue("db/credentials")
		DbUser pojo;

		@SecretValue(id = "db/credentials", key = "port")
		int port;

		@SecretValue(id = "app/settings", key = "timeout")
		Duration timeout;

		@SecretValue("db/credentials")
		SecretHandle<DbCredentials> handle;

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

	// Injection stops scanning at Spring's own types, never before the user's class.
	static class SpringSubclass extends ApplicationObjectSupport {

		@SecretValue("app/plain")
		String plain;

		String fromSetter;

		@SecretValue(id = "db/credentials", key = "username")
		void setFromSetter(String username) {
			this.fromSetter = username;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SpringSubclassConfig {

		@Bean
		SpringSubclass springSubclass() {
			return new SpringSubclass();
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
				@SecretValue(id = "db/credentials", key = "password") String password,
				@SecretValue(id = "app/settings", key = "timeout") Duration timeout,
				@SecretValue("app/plain") SecretHandle<String> plain) {
			return username + ":" + password + ":" + timeout.toSeconds() + "s";
		}

	}

	record ExpressionBean(@SecretValue("app/expression") String value) {
	}

	static class ExpressionFields {

		@SecretValue("app/expression")
		String value;

	}

	@Configuration(proxyBeanMethods = false)
	@Import({ ExpressionBean.class, ExpressionFields.class })
	static class ExpressionConfig {

	}

	static class PlaceholderBean {

		final String fromConstructor;

		@SecretValue(id = "${app.secret}", key = "${app.key}")
		String fromField;

		PlaceholderBean(@SecretValue(id = "${app.secret}", key = "${app.key}") String fromConstructor) {
			this.fromConstructor = fromConstructor;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(PlaceholderBean.class)
	static class PlaceholderConfig {

	}

	static class KeyPathBean {

		@SecretValue(id = "app/settings", key = "db.password")
		String nested;

		@SecretValue(id = "app/settings", key = "db.hosts[1]")
		String element;

		@SecretValue(id = "app/settings", key = "db.hosts")
		List<String> hosts;

		@SecretValue(id = "app/settings", key = "a.b")
		String dotted;

	}

	@Configuration(proxyBeanMethods = false)
	@Import(KeyPathBean.class)
	static class KeyPathConfig {

	}

	static class VersionBean {

		@SecretValue(id = "app/plain", versionId = "${app.version}")
		String pinned;

		@SecretValue(id = "app/plain", versionStage = "AWSPREVIOUS")
		String previous;

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

		boolean setterCalled;

		final SecretHandle<String> handle;

		final @Nullable String parameter;

		OptionalBean(@SecretValue(id = "does/not-exist", required = false) SecretHandle<String> handle,
				@SecretValue(id = "does/not-exist", required = false) @Nullable String parameter) {
			this.handle = handle;
			this.parameter = parameter;
		}

		@SecretValue(id = "does/not-exist", required = false)
		void setAbsent(String value) {
			this.setterCalled = true;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(OptionalBean.class)
	static class OptionalConfig {

	}

	static class ThreeSecretFields {

		@SecretValue("app/plain")
		String plain;

		@SecretValue(id = "db/credentials", key = "username")
		String username;

		@SecretValue(id = "app/settings", key = "timeout")
		String timeout;

		List<String> values() {
			return List.of(this.plain, this.username, this.timeout);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(ThreeSecretFields.class)
	static class ThreeSecretFieldsConfig {

	}

	static class ThreeSecretConstructor {

		final String plain;

		final String username;

		final String timeout;

		@SecretValue("app/binary")
		byte[] binary;

		ThreeSecretConstructor(@SecretValue("app/plain") String plain,
				@SecretValue(id = "db/credentials", key = "username") String username,
				@SecretValue(id = "app/settings", key = "timeout") String timeout) {
			this.plain = plain;
			this.username = username;
			this.timeout = timeout;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(ThreeSecretConstructor.class)
	static class ThreeSecretConstructorConfig {

	}

}
