package dev.secretsstarter.local;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SecretValueIntegrationTests extends AbstractServerIntegrationTests {

	private static final String TOKEN_A = "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa";

	@Test
	void createdSecretIsReadableAsCurrentThroughTheSdk() {
		CreateSecretResponse created = this.client.createSecret((r) -> r.name("app/key").secretString("dummy-1"));
		GetSecretValueResponse value = this.client.getSecretValue((r) -> r.secretId("app/key"));
		assertThat(value.secretString()).isEqualTo("dummy-1");
		assertThat(value.versionId()).isEqualTo(created.versionId());
		assertThat(value.versionStages()).containsExactly("AWSCURRENT");
		assertThat(value.arn()).matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:app/key-[A-Za-z0-9]{6}");
		assertThat(value.createdDate()).isEqualTo(this.clock.instant());
	}

	@Test
	void putSecretValueMovesCurrentAndPrevious() {
		this.client.createSecret((r) -> r.name("app/key").secretString("dummy-1"));
		PutSecretValueResponse put = this.client.putSecretValue((r) -> r.secretId("app/key").secretString("dummy-2"));
		assertThat(put.versionStages()).containsExactly("AWSCURRENT");
		assertThat(this.client.getSecretValue((r) -> r.secretId("app/key")).secretString()).isEqualTo("dummy-2");
		assertThat(this.client.getSecretValue((r) -> r.secretId("app/key").versionStage("AWSPREVIOUS")).secretString())
			.isEqualTo("dummy-1");
	}

	@Test
	void onlyTheLastReplacedVersionKeepsPrevious() {
		this.client.createSecret((r) -> r.name("app/key").secretString("dummy-1"));
		this.client.putSecretValue((r) -> r.secretId("app/key").secretString("dummy-2"));
		this.client.putSecretValue((r) -> r.secretId("app/key").secretString("dummy-3"));
		DescribeSecretResponse described = this.client.describeSecret((r) -> r.secretId("app/key"));
		assertThat(described.versionIdsToStages().values()).containsExactlyInAnyOrder(List.of("AWSPREVIOUS"),
				List.of("AWSCURRENT"));
	}

	@Test
	void versionIdSelectsAnOlderVersion() {
		String first = this.client.createSecret((r) -> r.name("app/key").secretString("dummy-1")).versionId();
		this.client.putSecretValue((r) -> r.secretId("app/key").secretString("dummy-2"));
		assertThat(this.client.getSecretValue((r) -> r.secretId("app/key").versionId(first)).secretString())
			.isEqualTo("dummy-1");
	}

	@Test
	void sameTokenAndSameValueIsIdempotent() {
		this.client.createSecret((r) -> r.name("app/key").secretString("dummy-1"));
		String v1 = this.client.putSecretValue((r) -> r.secretId("app/key").secretString("dummy-2").clientRequestToken(TOKEN_A))
			.versionId();
		String v2 = this.client.putSecretValue((r) -> r.secretId("app/key").secretString("dummy-2").clientRequestToken(TOKEN_A))
			.versionId();
		assertThat(v2).isEqualTo(v1).isEqualTo(TOKEN_A);
		assertThat(this.client.listSecretVersionIds((r) -> r.secretId("app/key")).versions()).hasSize(2);
	}

	@Test
	void sameTokenWithDifferentValueIsRefused() {
		this.client.createSecret((r) -> r.name("app/key").secretString("dummy-1"));
		this.client.putSecretValue((r) -> r.secretId("app/key").secretString("dummy-2").clientRequestToken(TOKEN_A));
		assertThatExceptionOfType(ResourceExistsException.class).isThrownBy(() -> this.client
			.putSecretValue((r) -> r.secretId("app/key").secretString("dummy-3").clientRequestToken(TOKEN_A)));
	}

	@Test
	void creatingAnExistingNameIsRefused() {
		this.client.createSecret((r) -> r.name("app/key").secretString("dummy-1"));
		assertThatExceptionOfType(ResourceExistsException.class)
			.isThrownBy(() -> this.client.createSecret((r) -> r.name("app/key").secretString("dummy-2")));
	}

	@Test
	void stringAndBinaryTogetherAreRefused() {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.client.createSecret((r) -> r
			.name("app/key").secretString("dummy").secretBinary(SdkBytes.fromUtf8String("dummy"))));
	}

	@Test
	void binaryValuesRoundTrip() {
		byte[] bytes = { 0, 1, 2, (byte) 0xff };
		this.client.createSecret((r) -> r.name("cert").secretBinary(SdkBytes.fromByteArray(bytes)));
		GetSecretValueResponse value = this.client.getSecretValue((r) -> r.secretId("cert"));
		assertThat(value.secretBinary().asByteArray()).isEqualTo(bytes);
		assertThat(value.secretString()).isNull();
	}

	@Test
	void valuesOverTheSizeLimitAreRefused() {
		String big = "x".repeat(65_537);
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.client.createSecret((r) -> r.name("big").secretString(big)));
	}

	@Test
	void namesWithDisallowedCharactersAreRefused() {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.client.createSecret((r) -> r.name("bad name!").secretString("dummy")));
	}

	@Test
	void namesLongerThan512CharactersAreRefused() {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.client.createSecret((r) -> r.name("n".repeat(513)).secretString("dummy")));
	}

	@Test
	void unknownSecretIsResourceNotFound() {
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.client.getSecretValue((r) -> r.secretId("missing")))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400));
	}

	@Test
	void secretIsFoundByFullAndPartialArn() {
		String arn = this.client.createSecret((r) -> r.name("app/key").secretString("dummy-1")).arn();
		String partial = arn.substring(0, arn.length() - 7);
		assertThat(this.client.getSecretValue((r) -> r.secretId(arn)).secretString()).isEqualTo("dummy-1");
		assertThat(this.client.getSecretValue((r) -> r.secretId(partial)).secretString()).isEqualTo("dummy-1");
	}

	@Test
	void updateSecretWithValueCreatesCurrentVersion() {
		this.client.createSecret((r) -> r.name("app/key").secretString("dummy-1"));
		String versionId = this.client.updateSecret((r) -> r.secretId("app/key").secretString("dummy-2")).versionId();
		GetSecretValueResponse value = this.client.getSecretValue((r) -> r.secretId("app/key"));
		assertThat(value.versionId()).isEqualTo(versionId);
		assertThat(value.secretString()).isEqualTo("dummy-2");
	}

	@Test
	void updateSecretWithDescriptionOnlyKeepsTheValue() {
		String versionId = this.client.createSecret((r) -> r.name("app/key").secretString("dummy-1")).versionId();
		assertThat(this.client.updateSecret((r) -> r.secretId("app/key").description("new")).versionId()).isNull();
		assertThat(this.client.describeSecret((r) -> r.secretId("app/key")).description()).isEqualTo("new");
		assertThat(this.client.getSecretValue((r) -> r.secretId("app/key")).versionId()).isEqualTo(versionId);
	}

	@Test
	void refusedUpdateSecretLeavesTheDescriptionUnchanged() {
		this.client.createSecret((r) -> r.name("app/key").secretString("dummy-1").description("old").clientRequestToken(TOKEN_A));
		assertThatExceptionOfType(ResourceExistsException.class).isThrownBy(() -> this.client.updateSecret(
				(r) -> r.secretId("app/key").description("new").secretString("dummy-2").clientRequestToken(TOKEN_A)));
		assertThat(this.client.describeSecret((r) -> r.secretId("app/key")).description()).isEqualTo("old");
	}

	@Test
	void describeSecretShowsTimestampsAndVersions() {
		String versionId = this.client.createSecret((r) -> r.name("app/key").secretString("dummy-1").description("d"))
			.versionId();
		DescribeSecretResponse described = this.client.describeSecret((r) -> r.secretId("app/key"));
		assertThat(described.createdDate()).isEqualTo(this.clock.instant());
		assertThat(described.lastChangedDate()).isEqualTo(this.clock.instant());
		assertThat(described.versionIdsToStages()).containsEntry(versionId, List.of("AWSCURRENT"));
		assertThat(described.rotationEnabled()).isNull();
	}

	@Test
	void seedingAnExistingNameFromCodeIsAnIllegalArgumentNamingTheSecret() {
		this.server.createSecret("seeded", "dummy-1");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> this.server.createSecret("seeded", "dummy-2"))
			.withMessageContaining("seeded")
			.withMessageContaining("ResourceExistsException")
			.withMessageNotContaining("dummy-2");
	}

	@Test
	void seedingWithDescriptionAndTagsFromCode() {
		this.server.createSecret("seeded", "dummy-1", "described", java.util.Map.of("team", "a"));
		DescribeSecretResponse described = this.client.describeSecret((r) -> r.secretId("seeded"));
		assertThat(described.description()).isEqualTo("described");
		assertThat(described.tags()).singleElement().satisfies((t) -> assertThat(t.value()).isEqualTo("a"));
	}

	@Test
	void secretsSeededFromCodeAreReadableThroughTheSdk() {
		this.server.createSecret("seeded", "dummy-1");
		this.server.createSecret("seeded-bin", "dummy".getBytes(StandardCharsets.UTF_8));
		this.server.putSecretValue("seeded", "dummy-2");
		assertThat(this.client.getSecretValue((r) -> r.secretId("seeded")).secretString()).isEqualTo("dummy-2");
		assertThat(this.client.getSecretValue((r) -> r.secretId("seeded").versionStage("AWSPREVIOUS")).secretString())
			.isEqualTo("dummy-1");
		assertThat(this.client.getSecretValue((r) -> r.secretId("seeded-bin")).secretBinary().asUtf8String())
			.isEqualTo("dummy");
	}

}
