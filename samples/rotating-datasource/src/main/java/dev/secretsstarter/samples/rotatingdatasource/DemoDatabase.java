package dev.secretsstarter.samples.rotatingdatasource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import dev.secretsstarter.inject.SecretValue;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY — stands for the database server and its administrator: creates the in-memory H2
 * database, the application's user {@code app} with the password the secret holds at start, and
 * a table; and changes that user's password when the rotation function asks. Against a real
 * database the rotation function (an AWS Lambda) does this with its own admin credentials.
 * Exists in local mode only. Thread-safe (H2 serializes statements on one connection).
 *
 * @author secrets-starter team
 */
@Component
@ConditionalOnBooleanProperty("secrets.local.enabled")
class DemoDatabase implements DisposableBean {

	static final String USER = "app";

	private final String url;

	private final Connection admin;

	DemoDatabase(@Value("${spring.datasource.url}") String url,
			@SecretValue(id = "demo/db-credentials", key = "password") String initialPassword) throws SQLException {
		this.url = url;
		// The first connection creates the in-memory database and makes its user the administrator.
		this.admin = DriverManager.getConnection(url, "sa", "demo-admin");
		try (Statement statement = this.admin.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, item VARCHAR(64))");
			statement.execute("INSERT INTO orders (item) VALUES ('demo')");
		}
		try (PreparedStatement create = this.admin.prepareStatement("CREATE USER IF NOT EXISTS " + USER + " PASSWORD ?")) {
			create.setString(1, initialPassword);
			create.execute();
		}
		try (Statement statement = this.admin.createStatement()) {
			statement.execute("GRANT SELECT, INSERT ON orders TO " + USER);
		}
	}

	/** Called by the rotation function's setSecret step. */
	void changePassword(String newPassword) {
		try (PreparedStatement alter = this.admin.prepareStatement("ALTER USER " + USER + " SET PASSWORD ?")) {
			alter.setString(1, newPassword);
			alter.execute();
		}
		catch (SQLException ex) {
			// H2's message names the statement, never the parameter.
			throw new IllegalStateException("Could not change the password of " + USER + ": " + ex.getMessage());
		}
	}

	/** Called by the rotation function's testSecret step: can the new password log in? */
	void checkLogin(String password) {
		try (Connection connection = DriverManager.getConnection(this.url, USER, password)) {
			connection.isValid(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The new password of " + USER + " does not log in: " + ex.getSQLState());
		}
	}

	@Override
	public void destroy() throws SQLException {
		this.admin.close();
	}

}
