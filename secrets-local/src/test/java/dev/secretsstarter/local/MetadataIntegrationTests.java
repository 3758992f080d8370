package dev.secretsstarter.local;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.LimitExceededException;
import software.amazon.awssdk.services.secretsmanager.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.secretsmanager.model.PublicPolicyException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MetadataIntegrationTests extends AbstractServerIntegrationTests {

	private static final String PRIVATE_POLICY = """
			{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
			"Principal":{"AWS":"arn:aws:iam::000000000000:role/app"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";

	private static final String PUBLIC_POLICY = """
			{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"secretsmanager:*","Resource":"*"}}""";

	private static Tag tag(String key, String value) {
		return Tag.builder().key(key).value(value).build();
	}

	@Test
	void tagResourceAddsAndReplacesTags() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy").tags(tag("team", "a")));
		this.client.tagResource((r) -> r.secretId("s").tags(tag("team", "b"), tag("env", "dev")));
		assertThat(this.client.describeSecret((r) -> r.secretId("s")).tags()).containsExactly(tag("team", "b"),
				tag("env", "dev"));
	}

	@Test
	void untagResourceRemovesTagsAndIgnoresUnknownKeys() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy").tags(tag("team", "a"), tag("env", "dev")));
		this.client.untagResource((r) -> r.secretId("s").tagKeys("team", "unknown"));
		assertThat(this.client.describeSecret((r) -> r.secretId("s")).tags()).containsExactly(tag("env", "dev"));
	}

	@Test
	void moreThanFiftyTagsAreRefused() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		List<Tag> tags = IntStream.range(0, 51).mapToObj((i) -> tag("k" + i, "v")).toList();
		assertThatExceptionOfType(LimitExceededException.class)
			.isThrownBy(() -> this.client.tagResource((r) -> r.secretId("s").tags(tags)));
	}

	@Test
	void tagLimitsAndReservedPrefixAreEnforced() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.client.tagResource((r) -> r.secretId("s").tags(tag("k".repeat(128), "v"))));
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.client.tagResource((r) -> r.secretId("s").tags(tag("k", "v".repeat(256)))));
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.client.tagResource((r) -> r.secretId("s").tags(tag("aws:owner", "v"))));
	}

	@Test
	void resourcePolicyIsStoredReturnedAndDeleted() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		this.client.putResourcePolicy((r) -> r.secretId("s").resourcePolicy(PRIVATE_POLICY).blockPublicPolicy(true));
		assertThat(this.client.getResourcePolicy((r) -> r.secretId("s")).resourcePolicy()).isEqualTo(PRIVATE_POLICY);
		this.client.deleteResourcePolicy((r) -> r.secretId("s"));
		assertThat(this.client.getResourcePolicy((r) -> r.secretId("s")).resourcePolicy()).isNull();
	}

	@Test
	void malformedPolicyIsRefused() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		assertThatExceptionOfType(MalformedPolicyDocumentException.class)
			.isThrownBy(() -> this.client.putResourcePolicy((r) -> r.secretId("s").resourcePolicy("{not json")));
	}

	@Test
	void publicPolicyIsRefusedWhenBlocked() {
		this.client.createSecret((r) -> r.name("s").secretString("dummy"));
		assertThatExceptionOfType(PublicPolicyException.class).isThrownBy(() -> this.client
			.putResourcePolicy((r) -> r.secretId("s").resourcePolicy(PUBLIC_POLICY).blockPublicPolicy(true)));
	}

	@Test
	void validateResourcePolicyReportsBroadAccess() {
		assertThat(this.client.validateResourcePolicy((r) -> r.resourcePolicy(PRIVATE_POLICY)).policyValidationPassed())
			.isTrue();
		var failed = this.client.validateResourcePolicy((r) -> r.resourcePolicy(PUBLIC_POLICY));
		assertThat(failed.policyValidationPassed()).isFalse();
		assertThat(failed.validationErrors()).isNotEmpty();
	}

	@Test
	void randomPasswordHasTheDefaultLengthAndEveryType() {
		String password = this.client.getRandomPassword().randomPassword();
		assertThat(password).hasSize(32).containsPattern("[a-z]").containsPattern("[A-Z]").containsPattern("[0-9]")
			.containsPattern("[^A-Za-z0-9]");
	}

	@Test
	void randomPasswordHonoursExclusions() {
		String password = this.client.getRandomPassword((r) -> r.passwordLength(64L)
			.excludePunctuation(true)
			.excludeUppercase(true)
			.excludeCharacters("abc")).randomPassword();
		assertThat(password).hasSize(64).matches("[d-z0-9]+");
	}

	@Test
	void randomPasswordCanIncludeSpaces() {
		String password = this.client
			.getRandomPassword((r) -> r.passwordLength(8L).includeSpace(true).requireEachIncludedType(true))
			.randomPassword();
		assertThat(password).contains(" ");
	}

	@Test
	void randomPasswordLengthOutOfRangeIsRefused() {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.client.getRandomPassword((r) -> r.passwordLength(4097L)));
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.client.getRandomPassword((r) -> r.passwordLength(0L)));
	}

}
