package dev.secretsstarter.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The data source a Hikari pool opens its connections with: it always logs in with the
 * credentials of the secret version the cache serves, and when the database refuses them it
 * {@link SecretDatabaseCredentials#recover recovers} (refresh, or the AWSPENDING version during a
 * rotation) and tries once more, so a rotation the application has not seen yet costs a pool
 * thread one extra login rather than a failed query. When nothing recovery finds logs in (a
 * botched rotation), it {@link SecretDatabaseCredentials#fallBack falls back} to the last
 * credentials that logged in. At most four logins per connection. Only the pool's own threads
 * call it. Thread-safe.
 */
final class SecretCredentialsDataSource implements DataSource {

	private static final int MAX_LOGINS = 4;

	private final DataSource delegate;

	private final SecretDatabaseCredentials credentials;

	SecretCredentialsDataSource(DataSource delegate, SecretDatabaseCredentials credentials) {
		this.delegate = delegate;
		this.credentials = credentials;
	}

	@Override
	public Connection getConnection() throws SQLException {
		DatabaseCredentials attempt;
		try {
			attempt = this.credentials.forLogin();
		}
		catch (RuntimeException ex) {
			// Names the secret and the cause, never a value.
			throw new SQLException("Could not get the database credentials from secret '" + this.credentials.key()
					+ "': " + ex.getMessage(), "08001", ex);
		}
		Set<String> refused = new HashSet<>();
		@Nullable SQLException previous = null;
		// Bounded: the credentials to use, what recovery finds (a newer or the AWSPENDING version),
		// and the last credentials that logged in.
		for (int login = 1;; login++) {
			try {
				Connection connection = connect(attempt);
				this.credentials.loggedIn(attempt);
				return connection;
			}
			catch (SQLException ex) {
				if (previous != null) {
					ex.addSuppressed(previous);
				}
				if (!AuthenticationFailures.isAuthenticationFailure(ex) || login == MAX_LOGINS) {
					throw ex;
				}
				refused.add(attempt.versionId());
				DatabaseCredentials next = this.credentials.recover(attempt);
				if (next == null || refused.contains(next.versionId())) {
					next = this.credentials.fallBack(refused);
				}
				if (next == null || refused.contains(next.versionId())) {
					throw ex;
				}
				attempt = next;
				previous = ex;
			}
		}
	}

	/**
	 * The pool passes the credentials it was configured with; the secret's current ones win.
	 */
	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return getConnection();
	}

	private Connection connect(DatabaseCredentials credentials) throws SQLException {
		return this.delegate.getConnection(credentials.username(), credentials.password());
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.delegate.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.delegate.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.delegate.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.delegate.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.delegate.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return iface.isInstance(this) ? iface.cast(this) : this.delegate.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return iface.isInstance(this) || this.delegate.isWrapperFor(iface);
	}

}
