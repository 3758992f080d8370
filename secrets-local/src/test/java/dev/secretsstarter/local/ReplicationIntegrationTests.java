package dev.secretsstarter.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ReplicaRegionType;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.StatusType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReplicationIntegrationTests extends AbstractServerIntegrationTests {

	private SecretsManagerClient west;

	@BeforeEach
	void westClient() {
		this.west = LocalServerTestSupport.client(this.server, "eu-west-1");
	}

	@AfterEach
	void closeWest() {
		this.west.close();
	}

	private void replicate() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy-1"));
		this.client.replicateSecretToRegions(
				(r) -> r.secretId("s").addReplicaRegions(ReplicaRegionType.builder().region("eu-west-1").build()));
	}

	@Test
	void replicaIsReadableInItsRegionAndFollowsThePrimary() {
		replicate();
		assertThat(this.west.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy-1");
		this.client.putSecretValue((r) -> r.secretId("s").secretString("dummy-2"));
		assertThat(this.west.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy-2");
		assertThat(this.west.getSecretValue((r) -> r.secretId("s")).arn()).contains(":eu-west-1:");
	}

	@Test
	void writesToAReplicaAreRefused() {
		replicate();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.west.putSecretValue((r) -> r.secretId("s").secretString("dummy-2")));
	}

	@Test
	void describeShowsReplicationStatusOnThePrimaryAndPrimaryRegionOnTheReplica() {
		replicate();
		DescribeSecretResponse primary = this.client.describeSecret((r) -> r.secretId("s"));
		assertThat(primary.replicationStatus()).singleElement().satisfies((status) -> {
			assertThat(status.region()).isEqualTo("eu-west-1");
			assertThat(status.status()).isEqualTo(StatusType.IN_SYNC);
		});
		assertThat(this.west.describeSecret((r) -> r.secretId("s")).primaryRegion()).isEqualTo("us-east-1");
	}

	@Test
	void primaryWithReplicasCannotBeDeleted() {
		replicate();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.client.deleteSecret((r) -> r.secretId("s")));
	}

	@Test
	void removingTheRegionDeletesTheReplica() {
		replicate();
		this.client.removeRegionsFromReplication((r) -> r.secretId("s").removeReplicaRegions("eu-west-1"));
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.west.getSecretValue((r) -> r.secretId("s")));
		this.client.deleteSecret((r) -> r.secretId("s"));
	}

	@Test
	void stopReplicationPromotesTheReplicaToAStandaloneSecret() {
		replicate();
		this.west.stopReplicationToReplica((r) -> r.secretId("s"));
		this.west.putSecretValue((r) -> r.secretId("s").secretString("dummy-west"));
		assertThat(this.west.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy-west");
		assertThat(this.client.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy-1");
		assertThat(this.client.describeSecret((r) -> r.secretId("s")).replicationStatus()).isEmpty();
	}

	@Test
	void createSecretRefusedForItsOwnRegionAsReplicaCreatesNothing() {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.client.createSecret((r) -> r
			.name("s")
			.secretString("dummy")
			.addReplicaRegions(ReplicaRegionType.builder().region("us-east-1").build())));
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.client.describeSecret((r) -> r.secretId("s")));
	}

	@Test
	void replicationRefusedForOneRegionReplicatesToNone() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.client
			.replicateSecretToRegions((r) -> r.secretId("s")
				.addReplicaRegions(ReplicaRegionType.builder().region("eu-west-1").build(),
						ReplicaRegionType.builder().region("us-east-1").build())));
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.west.describeSecret((r) -> r.secretId("s")));
		assertThat(this.client.describeSecret((r) -> r.secretId("s")).replicationStatus()).isEmpty();
	}

	@Test
	void createSecretCanReplicateAtOnce() {
		this.client.createSecret((r) -> r.name("s")
			.secretString("dummy")
			.addReplicaRegions(ReplicaRegionType.builder().region("eu-west-1").build()));
		assertThat(this.west.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy");
	}

}
