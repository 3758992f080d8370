package dev.secretsstarter.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.util.Credentials;
import dev.secretsstarter.cache.SecretCacheListener;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Moves one Hikari pool to the credentials of a new secret version: updates the pool's
 * credentials in place and soft-evicts its connections, so idle ones close now and busy ones
 * close when returned; in-flight work is never interrupted and new connections log in with the
 * new credentials. Thread-safe: changes are applied one at a time, and a change older than the one
 * applied last (two changes made on two threads, heard in the opposite order) is ignored.
 */
final class HikariCredentialsRotation implements SecretCacheListener {

	private static final Log logger = LogFactory.getLog(HikariCredentialsRotation.class);

	private final String beanName;

	private final HikariDataSource dataSource;

	private final SecretDatabaseCredentials credentials;

	// The snapshot whose credentials the pool was last given: the cache may report two changes of
	// the secret, made on two threads, in the opposite order (see SecretCacheListener).
	private @Nullable SecretSnapshot applied;

	HikariCredentialsRotation(String beanName, HikariDataSource dataSource, SecretDatabaseCredentials credentials) {
		this.beanName = beanName;
		this.dataSource = dataSource;
		this.credentials = credentials;
	}

	@Override
	public synchronized void onSnapshotChanged(SecretKey key, @Nullable SecretSnapshot previous,
			SecretSnapshot current) {
		if (!key.equals(this.credentials.key()) || this.dataSource.isClosed() || current.isOlderThan(this.applied)) {
			return;
		}
		DatabaseCredentials next;
		try {
			next = this.credentials.of(current);
		}
		catch (IllegalStateException ex) {
			logger.warn("DataSource '" + this.beanName + "' keeps its credentials: " + ex.getMessage());
			return;
		}
		this.dataSource.getHikariConfigMXBean().setCredentials(Credentials.of(next.username(), next.password()));
		this.applied = current;
		HikariPoolMXBean pool = this.dataSource.getHikariPoolMXBean();
		if (previous != null && pool != null) {
			pool.softEvictConnections();
		}
		logger.info("DataSource '" + this.beanName + "' now uses the credentials of secret '" + key + "' version "
				+ current.versionId() + "; connections opened with the previous ones are retired as they are returned");
	}

}
