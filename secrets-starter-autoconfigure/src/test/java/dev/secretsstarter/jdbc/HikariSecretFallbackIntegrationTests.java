package dev.secretsstarter.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.refresh.SecretRefreshAutoConfiguration;
import dev.secretsstarter.refresh.SecretsRefresher;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A botched rotation on a real HikariCP pool and H2 database: AWSCURRENT moves to a password the
 * database user does not have (as when a rotation's setSecret step failed but the label moved
 * anyway). New connections keep logging in with the last credentials that worked, until a
 * version that logs in comes along.
 * <p>
 * How "a new connection was opened" is observed: H2 session ids only grow, so a query whose
 * session id is larger than that of a session the test opened after the bad version was taken
 * ran on a connection that logged in after it. The pool's connection timeout is short, so
 * without the fallback these tests fail in seconds rather than hang.
 */
@ExtendWith(OutputCaptureExtension.class)
class HikariSecretFallbackIntegrationTests {

	private static final String GOOD = "good-pass-7d2f";

	private static final String WRONG = "wrong-pass-91ab";

	private static final String NEXT = "next-pass-c35e";

	private LocalSecretsManager server;

	private SecretsManagerClient client;

	private String url;

	private Connection admin;

	private ConfigurableApplicationContext context;

	private HikariDataSource dataSource;

	private String goodVersion;

	@BeforeEach
	void start() throws SQLException {
		// The admin connection keeps the in-memory database alive until the test shuts it down.
		this.url = "jdbc:h2:mem:fallback-" + UUID.randomUUID();
		this.admin = DriverManager.getConnection(this.url, "sa", "sa");
		execute("CREATE USER app PASSWORD '" + GOOD + "'");
		execute("CREATE TABLE orders(id INT PRIMARY KEY)");
		execute("INSERT INTO orders VALUES (1), (2), (3)");
		execute("GRANT SELECT ON orders TO app");
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("db/app", credentials(GOOD));
		this.client = LocalClients.builder(this.server).build();
		this.goodVersion = currentVersion();
		this.context = new SpringApplicationBuilder(DataSourceApplication.class).web(WebApplicationType.NONE)
			.properties(LocalClients.properties(this.server, "secrets.client.max-attempts=1",
					"secrets.refresh.interval=1h", "secrets.datasource.secret-id=db/app",
					"spring.datasource.url=" + this.url, "spring.datasource.hikari.maximum-pool-size=4",
					"spring.datasource.hikari.connection-timeout=3000"))
			.run();
		this.dataSource = this.context.getBean(HikariDataSource.class);
		// Fallback needs credentials that logged in: the pool is in use before each rotation.
		assertThat(countOrders()).isEqualTo(3);
	}

	@AfterEach
	void stop() throws SQLException {
		this.context.close();
		this.client.close();
		this.server.close();
		execute("SHUTDOWN");
		this.admin.close();
	}

	@Test
	void afterARotationToAPasswordTheDatabaseRefusesNewConnectionsLogInWithTheLastCredentialsThatWorked()
			throws Exception {
		rotateTo(WRONG);
		long marker = probeSession();
		for (int i = 0; i < 3; i++) {
			// As when connections reach their maximum lifetime: new ones must log in.
			this.dataSource.getHikariPoolMXBean().softEvictConnections();
			assertThat(sessionOfAQuery()).isGreaterThan(marker);
		}
	}

	@Test
	void whileFallingBackNewConnectionsLogInWithoutCallingSecretsManager() throws Exception {
		rotateTo(WRONG);
		assertThat(countOrders()).isEqualTo(3);
		this.server.requests().reset();
		long marker = probeSession();
		for (int i = 0; i < 3; i++) {
			this.dataSource.getHikariPoolMXBean().softEvictConnections();
			assertThat(sessionOfAQuery()).isGreaterThan(marker);
		}
		assertThat(this.server.requests().counts()).isEmpty();
	}

	@Test
	void aLaterRotationWhosePasswordLogsInIsTakenAndEndsTheFallback(CapturedOutput output) throws Exception {
		rotateTo(WRONG);
		assertThat(countOrders()).isEqualTo(3);
		execute("ALTER USER app SET PASSWORD '" + NEXT + "'");
		// From here only the new password opens a session, so a later session proves it was taken.
		long marker = probeSession();
		String next = rotateTo(NEXT);
		assertThat(sessionOfAQuery()).isGreaterThan(marker);
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(poolDetails(health)).containsEntry("versionId", next).doesNotContainKey("rejectedVersionId");
		assertThat(output).contains("logs in with version " + next + " of secret 'db/app@AWSCURRENT' again")
			.doesNotContain(GOOD)
			.doesNotContain(WRONG)
			.doesNotContain(NEXT);
	}

	@Test
	void settingTheDatabaseUsersPasswordToTheRefusedOneEndsTheFallback() throws Exception {
		String wrong = rotateTo(WRONG);
		assertThat(countOrders()).isEqualTo(3);
		execute("ALTER USER app SET PASSWORD '" + WRONG + "'");
		long marker = probeSession();
		this.dataSource.getHikariPoolMXBean().softEvictConnections();
		assertThat(sessionOfAQuery()).isGreaterThan(marker);
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(poolDetails(health)).containsEntry("versionId", wrong).doesNotContainKey("rejectedVersionId");
	}

	@Test
	void whileFallingBackHealthIsDegradedAndNamesTheVersionInUseAndTheRefusedOne() throws Exception {
		String wrong = rotateTo(WRONG);
		this.dataSource.getHikariPoolMXBean().softEvictConnections();
		assertThat(countOrders()).isEqualTo(3);
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(SecretsDataSourceHealthIndicator.DEGRADED);
		assertThat(poolDetails(health)).containsEntry("secret", "db/app")
			.containsEntry("versionId", this.goodVersion)
			.containsEntry("rejectedVersionId", wrong)
			.containsKey("fallingBackSince");
		assertThat(health.toString()).doesNotContain(GOOD).doesNotContain(WRONG);
	}

	@Test
	void fallingBackIsWarnedOnceNamingTheSecretAndBothVersionsButNoValue(CapturedOutput output) throws Exception {
		String wrong = rotateTo(WRONG);
		for (int i = 0; i < 3; i++) {
			this.dataSource.getHikariPoolMXBean().softEvictConnections();
			assertThat(countOrders()).isEqualTo(3);
		}
		String warning = "DataSource 'dataSource' logs in with version " + this.goodVersion
				+ " of secret 'db/app@AWSCURRENT', the last one that logged in, because the database refuses the credentials "
				+ "of version " + wrong;
		assertThat(output).contains(warning).contains("Fix the secret").doesNotContain(GOOD).doesNotContain(WRONG);
		assertThat(output.toString().split(Pattern.quote(warning), -1)).hasSize(2);
	}

	@Test
	void whenSecretsManagerFailsTheRefreshALoginTheDatabaseRefusesFallsBackInTheSameLogin(CapturedOutput output)
			throws Exception {
		assertThat(aLoginFallsBackWhileGetSecretValue(() -> this.server.faults()
			.fail("GetSecretValue", "InternalServiceError", 500, Integer.MAX_VALUE))).isEqualTo(this.goodVersion);
		assertThat(output).contains("Refreshing secret 'db/app@AWSCURRENT' failed")
			.contains("the last one that logged in")
			.doesNotContain(GOOD)
			.doesNotContain(WRONG);
	}

	@Test
	void whenSecretsManagerThrottlesTheRefreshALoginTheDatabaseRefusesFallsBackInTheSameLogin() throws Exception {
		assertThat(aLoginFallsBackWhileGetSecretValue(
				() -> this.server.faults().throttle("GetSecretValue", Integer.MAX_VALUE)))
			.isEqualTo(this.goodVersion);
	}

	/**
	 * Rotates to a refused password, has GetSecretValue fail, and logs in once through the
	 * DataSource the pool logs in through (no retry by the pool can hide a failed login).
	 * @return the version id of the session's user's password: the version that logged in
	 */
	private String aLoginFallsBackWhileGetSecretValue(Runnable fault) throws SQLException {
		// No connection opened in the background between the rotation and the login below.
		this.dataSource.getHikariConfigMXBean().setMinimumIdle(0);
		rotateTo(WRONG);
		fault.run();
		try (Connection connection = this.dataSource.getDataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM orders")) {
			result.next();
			assertThat(result.getInt(1)).isEqualTo(3);
		}
		return (String) poolDetails(health()).get("versionId");
	}

	/**
	 * Puts a new AWSCURRENT version and has the application take it now, as its next poll would
	 * (the pool is given its credentials and soft-evicts its connections).
	 */
	private String rotateTo(String password) {
		this.server.putSecretValue("db/app", credentials(password));
		assertThat(this.context.getBean(SecretsRefresher.class).refreshNow().changed()).isEqualTo(1);
		return currentVersion();
	}

	private String currentVersion() {
		return this.client.describeSecret((request) -> request.secretId("db/app"))
			.versionIdsToStages()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contains("AWSCURRENT"))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
	}

	private Health health() {
		return this.context.getBean("secretsDataSourceHealthIndicator", HealthIndicator.class).health(true);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> poolDetails(Health health) {
		return (Map<String, Object>) health.getDetails().get("dataSource");
	}

	private static String credentials(String password) {
		return "{\"username\":\"app\",\"password\":\"" + password + "\"}";
	}

	private int countOrders() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM orders")) {
			result.next();
			return result.getInt(1);
		}
	}

	private long sessionOfAQuery() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT SESSION_ID(), COUNT(*) FROM orders")) {
			result.next();
			assertThat(result.getInt(2)).isEqualTo(3);
			return result.getLong(1);
		}
	}

	private long probeSession() throws SQLException {
		try (Connection probe = DriverManager.getConnection(this.url, "sa", "sa");
				Statement statement = probe.createStatement();
				ResultSet result = statement.executeQuery("SELECT SESSION_ID()")) {
			result.next();
			return result.getLong(1);
		}
	}

	private void execute(String sql) throws SQLException {
		try (Statement statement = this.admin.createStatement()) {
			statement.execute(sql);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class,
			SecretRefreshAutoConfiguration.class, DataSourceAutoConfiguration.class,
			SecretsDataSourceAutoConfiguration.class })
	static class DataSourceApplication {

	}

}
