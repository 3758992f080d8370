package dev.secretsstarter.local;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeletionIntegrationTests extends AbstractServerIntegrationTests {

	@Test
	void deletionIsScheduledThirtyDaysAheadByDefault() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		DeleteSecretResponse deleted = this.client.deleteSecret((r) -> r.secretId("s"));
		assertThat(deleted.deletionDate()).isEqualTo(this.clock.instant().plus(Duration.ofDays(30)));
	}

	@Test
	void secretMarkedForDeletionCannotBeRead() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		this.client.deleteSecret((r) -> r.secretId("s").recoveryWindowInDays(7L));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.client.getSecretValue((r) -> r.secretId("s")))
			.withMessageContaining("marked for deletion");
	}

	@Test
	void secretMarkedForDeletionCannotBeWritten() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		this.client.deleteSecret((r) -> r.secretId("s"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.client.putSecretValue((r) -> r.secretId("s").secretString("dummy-2")));
	}

	@Test
	void secretMarkedForDeletionIsListedOnlyWhenAsked() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		this.client.deleteSecret((r) -> r.secretId("s"));
		assertThat(this.client.listSecrets().secretList()).isEmpty();
		assertThat(this.client.listSecrets((r) -> r.includePlannedDeletion(true)).secretList())
			.extracting(SecretListEntry::deletedDate)
			.containsExactly(this.clock.instant());
	}

	@Test
	void restoredSecretIsReadableAgain() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		this.client.deleteSecret((r) -> r.secretId("s"));
		this.client.restoreSecret((r) -> r.secretId("s"));
		assertThat(this.client.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy");
		assertThat(this.client.describeSecret((r) -> r.secretId("s")).deletedDate()).isNull();
	}

	@Test
	void secretIsPurgedWhenTheRecoveryWindowPasses() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		this.client.deleteSecret((r) -> r.secretId("s").recoveryWindowInDays(7L));
		this.clock.advance(Duration.ofDays(7));
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.client.describeSecret((r) -> r.secretId("s")));
	}

	@Test
	void forcedDeletionRemovesAtOnce() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		this.client.deleteSecret((r) -> r.secretId("s").forceDeleteWithoutRecovery(true));
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.client.describeSecret((r) -> r.secretId("s")));
		this.client.createSecret((r) -> r.name("s").secretString("dummy-again"));
	}

	@Test
	void forceAndRecoveryWindowTogetherAreRefused() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.client
			.deleteSecret((r) -> r.secretId("s").forceDeleteWithoutRecovery(true).recoveryWindowInDays(7L)));
	}

	@Test
	void recoveryWindowOutsideSevenToThirtyDaysIsRefused() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.client.deleteSecret((r) -> r.secretId("s").recoveryWindowInDays(6L)));
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.client.deleteSecret((r) -> r.secretId("s").recoveryWindowInDays(31L)));
	}

	@Test
	void nameOfASecretMarkedForDeletionCannotBeReused() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		this.client.deleteSecret((r) -> r.secretId("s"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.client.createSecret((r) -> r.name("s").secretString("dummy")));
	}

}
