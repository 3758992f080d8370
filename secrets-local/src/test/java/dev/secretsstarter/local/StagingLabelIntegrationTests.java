package dev.secretsstarter.local;

import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StagingLabelIntegrationTests extends AbstractServerIntegrationTests {

	@Test
	void movingCurrentRequiresNamingTheVersionThatHasIt() {
		String v1 = this.client.createSecret((r) -> r.name("s").secretString("dummy-1")).versionId();
		String v2 = this.client.putSecretValue((r) -> r.secretId("s").secretString("dummy-2").versionStages("AWSPENDING"))
			.versionId();
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.client
			.updateSecretVersionStage((r) -> r.secretId("s").versionStage("AWSCURRENT").moveToVersionId(v2)));
		assertThat(this.client.getSecretValue((r) -> r.secretId("s")).versionId()).isEqualTo(v1);
	}

	@Test
	void movingCurrentPutsPreviousOnTheOldVersion() {
		String v1 = this.client.createSecret((r) -> r.name("s").secretString("dummy-1")).versionId();
		String v2 = this.client.putSecretValue((r) -> r.secretId("s").secretString("dummy-2").versionStages("AWSPENDING"))
			.versionId();
		this.client.updateSecretVersionStage(
				(r) -> r.secretId("s").versionStage("AWSCURRENT").moveToVersionId(v2).removeFromVersionId(v1));
		assertThat(this.client.describeSecret((r) -> r.secretId("s")).versionIdsToStages())
			.containsEntry(v1, List.of("AWSPREVIOUS"))
			.containsEntry(v2, List.of("AWSPENDING", "AWSCURRENT"));
	}

	@Test
	void pendingVersionDoesNotChangeCurrent() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy-1"));
		this.client.putSecretValue((r) -> r.secretId("s").secretString("dummy-2").versionStages("AWSPENDING"));
		assertThat(this.client.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy-1");
		assertThat(this.client.getSecretValue((r) -> r.secretId("s").versionStage("AWSPENDING")).secretString())
			.isEqualTo("dummy-2");
	}

	@Test
	void putSecretValueRefusedForAnInvalidLabelLeavesCurrentUnchanged() {
		String v1 = this.client.createSecret((r) -> r.name("s").secretString("dummy-1")).versionId();
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.client
			.putSecretValue((r) -> r.secretId("s").secretString("dummy-2").versionStages("AWSCURRENT", "")));
		assertThat(this.client.getSecretValue((r) -> r.secretId("s")).versionId()).isEqualTo(v1);
		assertThat(this.client.listSecretVersionIds((r) -> r.secretId("s").includeDeprecated(true)).versions())
			.singleElement()
			.satisfies((v) -> assertThat(v.versionId()).isEqualTo(v1));
	}

	@Test
	void removingALabelFromTheWrongVersionIsRefused() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy-1"));
		String v2 = this.client.putSecretValue((r) -> r.secretId("s").secretString("dummy-2").versionStages("AWSPENDING"))
			.versionId();
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.client
			.updateSecretVersionStage((r) -> r.secretId("s").versionStage("AWSPREVIOUS").removeFromVersionId(v2)));
	}

	@Test
	void versionsWithoutLabelsAreDeprecatedAndListedOnlyOnRequest() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy-1"));
		this.client.putSecretValue((r) -> r.secretId("s").secretString("dummy-2"));
		this.client.putSecretValue((r) -> r.secretId("s").secretString("dummy-3"));
		assertThat(this.client.listSecretVersionIds((r) -> r.secretId("s")).versions()).hasSize(2);
		List<SecretVersionsListEntry> all = this.client
			.listSecretVersionIds((r) -> r.secretId("s").includeDeprecated(true))
			.versions();
		assertThat(all).hasSize(3).anySatisfy((v) -> assertThat(v.versionStages()).isEmpty());
	}

	@Test
	void listSecretVersionIdsPaginates() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy-0"));
		for (int i = 1; i < 5; i++) {
			String value = "dummy-" + i;
			this.client.putSecretValue((r) -> r.secretId("s").secretString(value));
		}
		int count = 0;
		for (var page : this.client
			.listSecretVersionIdsPaginator((r) -> r.secretId("s").includeDeprecated(true).maxResults(2))) {
			assertThat(page.versions()).hasSizeLessThanOrEqualTo(2);
			count += page.versions().size();
		}
		assertThat(count).isEqualTo(5);
	}

	@Test
	void deprecatedVersionsArePrunedBeyondOneHundred() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy-0"));
		for (int i = 1; i < 110; i++) {
			this.server.putSecretValue("s", "dummy-" + i);
		}
		int count = 0;
		for (var page : this.client.listSecretVersionIdsPaginator((r) -> r.secretId("s").includeDeprecated(true))) {
			count += page.versions().size();
		}
		assertThat(count).isEqualTo(100);
		assertThat(this.client.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy-109");
	}

}
