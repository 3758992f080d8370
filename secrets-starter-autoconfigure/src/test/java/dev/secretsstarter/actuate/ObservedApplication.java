package dev.secretsstarter.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.secretsstarter.inject.SecretHandle;
import dev.secretsstarter.inject.SecretValue;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real web application with actuator, an imported secret bound to a
 * {@code @ConfigurationProperties} bean, and {@code @SecretValue} sites, run against a
 * {@link LocalSecretsManager}; with an HTTP client for its actuator endpoints.
 */
final class ObservedApplication implements AutoCloseable {

	static final JsonMapper JSON = new JsonMapper();

	final ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private ObservedApplication(ConfigurableApplicationContext context) {
		this.context = context;
		this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	static ObservedApplication run(LocalSecretsManager server, String... more) {
		return new ObservedApplication(new SpringApplicationBuilder(TestApplication.class)
			.properties(LocalClients.properties(server, "server.port=0", "server.address=127.0.0.1",
					"secrets.client.max-attempts=1", "secrets.cache.backoff.initial=1ms",
					"secrets.cache.backoff.max=2ms",
					// Polling stays on, but no scheduled poll runs during a test: refreshes are asked for.
					"secrets.refresh.interval=1h",
					"spring.config.import=aws-secretsmanager:db/credentials?prefix=db.",
					"management.endpoints.web.exposure.include=*", "management.endpoint.env.show-values=ALWAYS",
					"management.endpoint.configprops.show-values=ALWAYS",
					"management.endpoint.health.show-details=ALWAYS", "app.plain=visible-plain-value",
					"app.copy=${db.password}"))
			// A later call wins on a repeated key: the caller's properties override the ones above.
			.properties(more)
			.run());
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
	}

	HttpResponse<String> post(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build());
	}

	JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableConfigurationProperties({ DbProperties.class, AppProperties.class })
	static class TestApplication {

		@Bean
		Injected injected() {
			return new Injected();
		}

	}

	static class Injected {

		@SecretValue(id = "api/key", key = "token")
		String token;

		@SecretValue(id = "api/key", key = "token")
		SecretHandle<String> handle;

	}

	@ConfigurationProperties("db")
	static class DbProperties {

		private String username;

		private String password;

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
			this.password = password;
		}

	}

	@ConfigurationProperties("app")
	static class AppProperties {

		private String plain;

		private String copy;

		public String getPlain() {
			return this.plain;
		}

		public void setPlain(String plain) {
			this.plain = plain;
		}

		public String getCopy() {
			return this.copy;
		}

		public void setCopy(String copy) {
			this.copy = copy;
		}

	}

}
