package dev.secretsstarter.jdbc;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import dev.secretsstarter.cache.CaffeineSecretCache;
import dev.secretsstarter.cache.SecretCacheProperties;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool follows the newest version of its secret, also when the cache reports two changes,
 * made on two threads, in the opposite order.
 */
class HikariCredentialsRotationTests {

	private static final SecretKey DB = SecretKey.current("app/db");

	private final CaffeineSecretCache cache = new CaffeineSecretCache(() -> {
		throw new IllegalStateException("not used: values are put");
	}, new SecretCacheProperties(), Clock.systemUTC());

	// Never started: only its configuration is looked at.
	private final HikariDataSource dataSource = new HikariDataSource();

	// Never called: the credentials come from the snapshots the test hands over.
	private final SecretsManagerClient client = LocalClients.builder(URI.create("http://127.0.0.1:1")).build();

	private final HikariCredentialsRotation rotation = new HikariCredentialsRotation("dataSource", this.dataSource,
			new SecretDatabaseCredentials("dataSource", this.cache, this.client, DB, new SecretsDataSourceProperties(),
					null, Clock.systemUTC()));

	@AfterEach
	void close() {
		this.dataSource.close();
		this.client.close();
	}

	@Test
	void aChangeHeardAfterANewerOneLeavesThePoolOnTheNewerCredentials() {
		SecretSnapshot v1 = served("v1");
		SecretSnapshot v2 = served("v2");
		SecretSnapshot v3 = served("v3");
		this.rotation.onSnapshotChanged(DB, v2, v3);
		this.rotation.onSnapshotChanged(DB, v1, v2);
		assertThat(this.dataSource.getUsername()).isEqualTo("user-v3");
		assertThat(this.dataSource.getPassword()).isEqualTo("password-v3");
	}

	@Test
	void changesHeardInOrderMoveThePoolEachTime() {
		SecretSnapshot v1 = served("v1");
		SecretSnapshot v2 = served("v2");
		this.rotation.onSnapshotChanged(DB, null, v1);
		assertThat(this.dataSource.getPassword()).isEqualTo("password-v1");
		this.rotation.onSnapshotChanged(DB, v1, v2);
		assertThat(this.dataSource.getPassword()).isEqualTo("password-v2");
	}

	// The snapshot as the cache serves it, with its sequence number.
	private SecretSnapshot served(String versionId) {
		this.cache.put(DB, SecretSnapshot.ofString("app/db",
				"arn:aws:secretsmanager:us-east-1:000000000000:secret:app/db-abcdef", versionId, Set.of("AWSCURRENT"), Instant.EPOCH, Instant.EPOCH,
				"{\"username\":\"user-" + versionId + "\",\"password\":\"password-" + versionId + "\"}"));
		return this.cache.getIfPresent(DB);
	}

}
