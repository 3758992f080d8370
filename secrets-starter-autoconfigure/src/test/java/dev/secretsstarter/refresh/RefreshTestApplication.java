package dev.secretsstarter.refresh;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.inject.SecretHandle;
import dev.secretsstarter.inject.SecretValue;
import dev.secretsstarter.inject.SecretValueAutoConfiguration;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.autoconfigure.ConfigurationPropertiesRebinderAutoConfiguration;
import org.springframework.cloud.autoconfigure.RefreshAutoConfiguration;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An application with every kind of secret consumer: a {@code @SecretValue} field and handle, a
 * {@code @ConfigurationProperties} bean bound from an imported secret, {@code @RefreshScope} beans
 * that do and do not read secrets, and a collector of {@link SecretRotatedEvent}s.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class,
		SecretValueAutoConfiguration.class, SecretRefreshAutoConfiguration.class, RefreshAutoConfiguration.class,
		ConfigurationPropertiesRebinderAutoConfiguration.class })
@EnableConfigurationProperties({ RefreshTestApplication.DbProperties.class, RefreshTestApplication.OtherProperties.class })
class RefreshTestApplication {

	static final AtomicInteger dbServiceCreations = new AtomicInteger();

	static final AtomicInteger allSecretsServiceCreations = new AtomicInteger();

	static final AtomicInteger unrelatedServiceCreations = new AtomicInteger();

	static final AtomicInteger otherPropertiesBindings = new AtomicInteger();

	static final AtomicInteger dbPropertiesBindings = new AtomicInteger();

	static final AtomicInteger scopedSecretUserCreations = new AtomicInteger();

	/**
	 * Start this application against a server, with polling left to the tests (interval 1h).
	 * @param server the server
	 * @param imports the {@code spring.config.import} value
	 * @param more further properties, which win
	 * @return the running context; the caller closes it
	 */
	static ConfigurableApplicationContext run(LocalSecretsManager server, String imports, String... more) {
		return new SpringApplicationBuilder(RefreshTestApplication.class).web(WebApplicationType.NONE)
			.properties(LocalClients.properties(server, "secrets.client.max-attempts=1", "plain.setting=y",
					"spring.config.import=" + imports, "secrets.refresh.interval=1h"))
			// A later call wins on a repeated key.
			.properties(more)
			.run();
	}

	/**
	 * Create the secrets this application's beans read, at their first values.
	 * @param server the server
	 */
	static void seed(LocalSecretsManager server) {
		server.createSecret("db/credentials", "{\"username\":\"app\",\"password\":\"db-one\"}");
		server.createSecret("app/api", "{\"key\":\"api-one\"}");
		server.createSecret("app/third", "{\"token\":\"third-one\"}");
	}

	static void resetCounters() {
		dbServiceCreations.set(0);
		allSecretsServiceCreations.set(0);
		unrelatedServiceCreations.set(0);
		otherPropertiesBindings.set(0);
		dbPropertiesBindings.set(0);
		scopedSecretUserCreations.set(0);
	}

	@Bean
	@RefreshScope
	ScopedSecretUser scopedSecretUser() {
		scopedSecretUserCreations.incrementAndGet();
		return new ScopedSecretUser();
	}

	@Bean
	ApiClient apiClient() {
		return new ApiClient();
	}

	@Bean
	RotatedEvents rotatedEvents() {
		return new RotatedEvents();
	}

	@Bean
	@RefreshScope
	DbService dbService(@Value("${db.password}") String password) {
		dbServiceCreations.incrementAndGet();
		return new DbService(password);
	}

	@Bean
	@RefreshScope
	AllSecretsService allSecretsService(@Value("${db.password}") String db, @Value("${api.key:}") String api,
			@Value("${third.token:}") String third) {
		allSecretsServiceCreations.incrementAndGet();
		return new AllSecretsService(db + api + third);
	}

	@Bean
	@RefreshScope
	UnrelatedService unrelatedService(@Value("${plain.setting:x}") String setting) {
		unrelatedServiceCreations.incrementAndGet();
		return new UnrelatedService(setting);
	}

	static class ApiClient {

		@SecretValue(id = "app/api", key = "key")
		volatile String apiKey;

		@SecretValue(id = "app/api", key = "key")
		SecretHandle<String> handle;

	}

	static class ScopedSecretUser {

		@SecretValue(id = "app/third", key = "token")
		String token;

		String token() {
			return this.token;
		}

	}

	static class DbService {

		private final String password;

		DbService(String password) {
			this.password = password;
		}

		String password() {
			return this.password;
		}

	}

	static class AllSecretsService {

		private final String joined;

		AllSecretsService(String joined) {
			this.joined = joined;
		}

		String joined() {
			return this.joined;
		}

	}

	static class UnrelatedService {

		private final String setting;

		UnrelatedService(String setting) {
			this.setting = setting;
		}

		String setting() {
			return this.setting;
		}

	}

	@ConfigurationProperties("db")
	static class DbProperties {

		private String username = "";

		private String password = "";

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			dbPropertiesBindings.incrementAndGet();
			this.password = password;
		}

	}

	@ConfigurationProperties("plain")
	static class OtherProperties {

		private String setting = "";

		public String getSetting() {
			return this.setting;
		}

		public void setSetting(String setting) {
			otherPropertiesBindings.incrementAndGet();
			this.setting = setting;
		}

	}

	static class RotatedEvents implements ApplicationListener<SecretRotatedEvent> {

		final List<SecretRotatedEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(SecretRotatedEvent event) {
			this.events.add(event);
		}

	}

}
