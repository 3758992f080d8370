package dev.secretsstarter.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.secretsstarter.autoconfigure.InvalidSecretsConfigurationException;
import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.local.PasswordRotationFunction;
import dev.secretsstarter.refresh.SecretRefreshAutoConfiguration;
import dev.secretsstarter.refresh.SecretRotatedEvent;
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
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * A real HikariCP pool on a real H2 database whose user's password is rotated by a rotation
 * function in secrets-local, through the four rotation steps, while workers query continuously.
 * <p>
 * How "every worker sees the new credentials" is observed: H2 session ids only grow, and after
 * the setSecret step ran {@code ALTER USER} only the new password can open a session. So the
 * rotation function records the id of a session opened right after the change; a worker whose
 * query ran in a session with a larger id used a connection opened with the new password.
 */
@ExtendWith(OutputCaptureExtension.class)
class HikariSecretRotationIntegrationTests {

	private static final String LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:rotate-db";

	private static final int WORKERS = 4;

	private static final int ROTATIONS = 5;

	private LocalSecretsManager server;

	private SecretsManagerClient client;

	private String url;

	private Connection admin;

	private final List<Long> markers = new CopyOnWriteArrayList<>();

	private final List<String> passwords = new CopyOnWriteArrayList<>();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeEach
	void start() throws SQLException {
		// The admin connection keeps the in-memory database alive until the test shuts it down.
		this.url = "jdbc:h2:mem:rotation-" + UUID.randomUUID();
		this.admin = DriverManager.getConnection(this.url, "sa", "sa");
		execute("CREATE USER app PASSWORD 'initial-pass'");
		execute("CREATE TABLE orders(id INT PRIMARY KEY)");
		execute("INSERT INTO orders VALUES (1), (2), (3)");
		execute("GRANT SELECT ON orders TO app");
		this.server = LocalSecretsManager.builder()
			.synchronousRotation(true)
			.rotationFunction(LAMBDA, PasswordRotationFunction.forKey("password")
				.excludePunctuation(true)
				.onSet(this::changeDatabasePassword)
				.onTest(this::login))
			.build()
			.start();
		this.server.createSecret("db/app", "{\"username\":\"app\",\"password\":\"initial-pass\"}");
		this.client = LocalClients.builder(this.server)
			.build();
	}

	@AfterEach
	void stop() throws SQLException {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.client.close();
		this.server.close();
		execute("SHUTDOWN");
		this.admin.close();
	}

	@Test
	void rotatingThePasswordRepeatedlyUnderLoadFailsNoQueryAndMovesEveryWorkerToTheNewPassword() throws Exception {
		ConfigurableApplicationContext context = run("secrets.refresh.interval=200ms");
		DataSource dataSource = context.getBean(DataSource.class);
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLongArray lastSession = new AtomicLongArray(WORKERS);
		AtomicLong queries = new AtomicLong();
		List<String> failures = new CopyOnWriteArrayList<>();
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < WORKERS; i++) {
			int worker = i;
			Thread thread = new Thread(() -> {
				while (!stop.get() && System.nanoTime() < deadline) {
					try (Connection connection = dataSource.getConnection();
							Statement statement = connection.createStatement();
							ResultSet result = statement.executeQuery("SELECT SESSION_ID(), COUNT(*) FROM orders")) {
						result.next();
						lastSession.set(worker, result.getLong(1));
						queries.incrementAndGet();
					}
					catch (SQLException ex) {
						failures.add(ex.getClass().getName() + " " + ex.getSQLState());
					}
				}
			}, "worker-" + i);
			workers.add(thread);
			thread.start();
		}
		try {
			for (int rotation = 0; rotation < ROTATIONS; rotation++) {
				long before = queries.get();
				await().atMost(Duration.ofSeconds(20)).until(() -> queries.get() > before + WORKERS);
				this.client.rotateSecret((request) -> request.secretId("db/app").rotationLambdaARN(LAMBDA));
				long marker = this.markers.get(rotation);
				await().atMost(Duration.ofSeconds(30)).until(() -> allAfter(lastSession, marker));
				String current = this.passwords.get(rotation);
				await().atMost(Duration.ofSeconds(30))
					.until(() -> current.equals(((HikariDataSource) dataSource).getPassword()));
			}
		}
		finally {
			stop.set(true);
			for (Thread worker : workers) {
				worker.join(Duration.ofSeconds(30).toMillis());
			}
		}
		assertThat(this.markers).hasSize(ROTATIONS);
		assertThat(queries.get()).isGreaterThan(ROTATIONS * WORKERS);
		assertThat(failures).isEmpty();
	}

	@Test
	void aPasswordTheDatabaseRefusesIsRefreshedAtOnceWithoutWaitingForAPoll(CapturedOutput output) throws Exception {
		ConfigurableApplicationContext context = run("secrets.refresh.interval=1h");
		HikariDataSource dataSource = context.getBean(HikariDataSource.class);
		Events events = context.getBean(Events.class);
		assertThat(query(dataSource)).isEqualTo(3);
		execute("ALTER USER app SET PASSWORD 'second-pass-4e1c'");
		this.server.putSecretValue("db/app", "{\"username\":\"app\",\"password\":\"second-pass-4e1c\"}");
		this.server.requests().reset();
		// As when connections reach their maximum lifetime: new ones must log in.
		dataSource.getHikariPoolMXBean().softEvictConnections();
		assertThat(query(dataSource)).isEqualTo(3);
		assertThat(this.server.requests().count("GetSecretValue")).isEqualTo(1);
		assertThat("second-pass-4e1c".equals(dataSource.getPassword())).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> events.events.size() == 1);
		assertThat(events.events.get(0).getSecretId()).isEqualTo("db/app");
		assertThat(output).doesNotContain("second-pass-4e1c").doesNotContain("initial-pass");
	}

	@Test
	void betweenSetSecretAndFinishSecretTheRefusedPoolLogsInWithThePendingVersion() throws Exception {
		ConfigurableApplicationContext context = run("secrets.refresh.interval=1h");
		HikariDataSource dataSource = context.getBean(HikariDataSource.class);
		assertThat(query(dataSource)).isEqualTo(3);
		this.client.putSecretValue((request) -> request.secretId("db/app")
			.secretString("{\"username\":\"app\",\"password\":\"pending-pass\"}")
			.versionStages("AWSPENDING"));
		execute("ALTER USER app SET PASSWORD 'pending-pass'");
		dataSource.getHikariPoolMXBean().softEvictConnections();
		assertThat(query(dataSource)).isEqualTo(3);
		// AWSCURRENT has not moved: the pool keeps its configured credentials until it does.
		assertThat("initial-pass".equals(dataSource.getPassword())).isTrue();
	}

	@Test
	void aNewVersionWithoutThePasswordKeyLeavesThePoolLoggingInWithTheLastGoodCredentials(CapturedOutput output)
			throws Exception {
		ConfigurableApplicationContext context = run("secrets.refresh.interval=1h");
		HikariDataSource dataSource = context.getBean(HikariDataSource.class);
		assertThat(query(dataSource)).isEqualTo(3);
		this.server.putSecretValue("db/app", "{\"username\":\"app\",\"pasword\":\"misspelt-key-pass\"}");
		assertThat(context.getBean(SecretsRefresher.class).refreshNow().changed()).isEqualTo(1);
		// As when connections reach their maximum lifetime: new ones must log in.
		dataSource.getHikariPoolMXBean().softEvictConnections();
		assertThat(query(dataSource)).isEqualTo(3);
		assertThat(output).contains("DataSource 'dataSource' keeps its credentials")
			.doesNotContain("misspelt-key-pass")
			.doesNotContain("initial-pass");
	}

	@Test
	void aSecretIdWithoutAHikariDataSourceFailsStartUp() {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(NoDataSourceApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties("secrets.datasource.secret-id=db/app"))
			.run())
			.isInstanceOf(InvalidSecretsConfigurationException.class)
			.withMessageContaining("secrets.datasource.secret-id")
			.withMessageContaining("db/app");
	}

	private ConfigurableApplicationContext run(String... more) {
		List<String> properties = new ArrayList<>(List.of(properties(more)));
		properties.addAll(List.of("spring.datasource.url=" + this.url, "spring.datasource.hikari.maximum-pool-size=6",
				"spring.datasource.hikari.connection-timeout=30000", "secrets.datasource.secret-id=db/app"));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DataSourceApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run();
		this.contexts.add(context);
		return context;
	}

	private String[] properties(String... more) {
		List<String> properties = new ArrayList<>(
				List.of(LocalClients.properties(this.server, "secrets.client.max-attempts=1")));
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}

	private static boolean allAfter(AtomicLongArray sessions, long marker) {
		for (int i = 0; i < sessions.length(); i++) {
			if (sessions.get(i) <= marker) {
				return false;
			}
		}
		return true;
	}

	private static int query(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM orders")) {
			result.next();
			return result.getInt(1);
		}
	}

	private void changeDatabasePassword(String password) {
		try {
			execute("ALTER USER app SET PASSWORD '" + password + "'");
			try (Connection probe = DriverManager.getConnection(this.url, "sa", "sa");
					Statement statement = probe.createStatement();
					ResultSet result = statement.executeQuery("SELECT SESSION_ID()")) {
				result.next();
				this.markers.add(result.getLong(1));
			}
			this.passwords.add(password);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("setSecret failed", ex);
		}
	}

	private void login(String password) {
		try (Connection connection = DriverManager.getConnection(this.url, "app", password)) {
			connection.isValid(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("testSecret failed", ex);
		}
	}

	private synchronized void execute(String sql) throws SQLException {
		try (Statement statement = this.admin.createStatement()) {
			statement.execute(sql);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class,
			SecretRefreshAutoConfiguration.class, DataSourceAutoConfiguration.class,
			SecretsDataSourceAutoConfiguration.class })
	static class DataSourceApplication {

		@Bean
		Events events() {
			return new Events();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class,
			SecretRefreshAutoConfiguration.class, SecretsDataSourceAutoConfiguration.class })
	static class NoDataSourceApplication {

	}

	static class Events implements ApplicationListener<SecretRotatedEvent> {

		final List<SecretRotatedEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(SecretRotatedEvent event) {
			this.events.add(event);
		}

	}

}
