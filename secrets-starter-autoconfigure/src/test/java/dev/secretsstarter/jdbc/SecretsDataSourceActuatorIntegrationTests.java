package dev.secretsstarter.jdbc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web application whose HikariCP pool takes its credentials from a secret
 * ({@code secrets.datasource.secret-id}), with every actuator endpoint exposed and
 * {@code show-values=ALWAYS}: the credentials reach the pool, never an endpoint.
 */
class SecretsDataSourceActuatorIntegrationTests {

	private static final String MARKER = "DSLEAKMARKER";

	private LocalSecretsManager server;

	private String url;

	private Connection admin;

	private ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void start() throws SQLException {
		// The admin connection keeps the in-memory database alive until the test shuts it down.
		this.url = "jdbc:h2:mem:actuator-" + UUID.randomUUID();
		this.admin = DriverManager.getConnection(this.url, "sa", "sa");
		execute("CREATE USER " + MARKER + "_USER PASSWORD '" + MARKER + "-password'");
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("db/app",
				"{\"username\":\"" + MARKER + "_USER\",\"password\":\"" + MARKER + "-password\"}");
	}

	@AfterEach
	void stop() throws SQLException {
		if (this.context != null) {
			this.context.close();
		}
		this.server.close();
		execute("SHUTDOWN");
		this.admin.close();
	}

	@Test
	void configpropsShowsNeitherTheUserNameNorThePasswordThePoolTookFromTheSecret() throws Exception {
		this.context = new SpringApplicationBuilder(WebDataSourceApplication.class)
			.properties(LocalClients.properties(this.server, "server.port=0", "server.address=127.0.0.1",
					"secrets.refresh.enabled=false", "secrets.datasource.secret-id=db/app",
					"spring.datasource.url=" + this.url, "management.endpoints.web.exposure.include=*",
					"management.endpoint.env.show-values=ALWAYS", "management.endpoint.configprops.show-values=ALWAYS"))
			.run();
		HikariDataSource dataSource = this.context.getBean(HikariDataSource.class);
		// The marker is really in the pool's configuration (so this test can fail).
		assertThat((MARKER + "-password").equals(dataSource.getPassword())).isTrue();
		try (Connection connection = dataSource.getConnection()) {
			assertThat(connection.isValid(1)).isTrue();
		}
		String body = get("/actuator/configprops");
		assertThat(body).contains("spring.datasource.hikari").doesNotContain(MARKER);
	}

	private String get(String path) throws IOException, InterruptedException {
		String base = "http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.server.port");
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private void execute(String sql) throws SQLException {
		try (Statement statement = this.admin.createStatement()) {
			statement.execute(sql);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class WebDataSourceApplication {

	}

}
