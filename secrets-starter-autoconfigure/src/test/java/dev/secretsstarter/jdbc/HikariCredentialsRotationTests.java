package dev.secretsstarter.jdbc;

import java.net.URI;
import java.time.Clock;

import com.zaxxer.hikari.HikariDataSource;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.cache.ServedSnapshots;
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

	private final ServedSnapshots served = new ServedSnapshots(DB);

	// Never started: only its configuration is looked at.
	private final HikariDataSource dataSource = new HikariDataSource();

	// Never called: the credentials come from the snapshots the test hands over.
	private final SecretsManagerClient client = LocalClients.builder(URI.create("http://127.0.0.1:1")).build();

	private final HikariCredentialsRotation rotation = new HikariCredentialsRotation("dataSource", this.dataSource,
			new SecretDatabaseCredentials("dataSource", this.served.cache(), this.client, DB, new SecretsDataSourceProperties(),
					null, Clock.systemUTC()));

	@AfterEach
	void close() {
		this.dataSource.close();
		this.client.close();
	}

	@Test
	void aChangeHeardAfterANewerOneLeavesThePoolOnTheNewerCredentials() {
		SecretSnapshot v1 = serve("v1");
		SecretSnapshot v2 = serve("v2");
		SecretSnapshot v3 = serve("v3");
		this.rotation.onSnapshotChanged(DB, v2, v3);
		this.rotation.onSnapshotChanged(DB, v1, v2);
		assertThat(this.dataSource.getUsername()).isEqualTo("user-v3");
		assertThat(this.dataSource.getPassword()).isEqualTo("password-v3");
	}

	@Test
	void changesHeardInOrderMoveThePoolEachTime() {
		SecretSnapshot v1 = serve("v1");
		SecretSnapshot v2 = serve("v2");
		this.rotation.onSnapshotChanged(DB, null, v1);
		assertThat(this.dataSource.getPassword()).isEqualTo("password-v1");
		this.rotation.onSnapshotChanged(DB, v1, v2);
		assertThat(this.dataSource.getPassword()).isEqualTo("password-v2");
	}

	private SecretSnapshot serve(String versionId) {
		return this.served.serve(versionId,
				"{\"username\":\"user-" + versionId + "\",\"password\":\"password-" + versionId + "\"}");
	}

}
