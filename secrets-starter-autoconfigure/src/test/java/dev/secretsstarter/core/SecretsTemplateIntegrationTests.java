package dev.secretsstarter.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.local.PasswordRotationFunction;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every {@link SecretsOperations} operation of the auto-configured {@link SecretsTemplate}, through
 * the real SDK over HTTP against {@link LocalSecretsManager}, in a real {@code SpringApplication}.
 */
class SecretsTemplateIntegrationTests {

	private static final String ROTATION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:rotate";

	private static final String POLICY = """
			{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
			"Principal":{"AWS":"arn:aws:iam::000000000000:role/app"},
			"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";

	private static LocalSecretsManager server;

	private static ConfigurableApplicationContext context;

	private static SecretsOperations operations;

	private String name;

	record DbCredentials(String username, String password) {
	}

	@BeforeAll
	static void start() {
		server = LocalSecretsManager.builder()
			.synchronousRotation(true)
			.rotationFunction(ROTATION_ARN, PasswordRotationFunction.forKey("password"))
			.build()
			.start();
		context = new SpringApplicationBuilder(TestConfiguration.class).web(WebApplicationType.NONE)
			.properties(LocalClients.properties(server,
					// One attempt keeps fault-injection tests deterministic and fast.
					"secrets.client.max-attempts=1"))
			.run();
		operations = context.getBean(SecretsOperations.class);
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
		if (server != null) {
			server.close();
		}
	}

	@BeforeEach
	void name(TestInfo info) {
		this.name = "it/" + info.getTestMethod().orElseThrow().getName();
	}

	@AfterEach
	void clearFaults() {
		server.faults().clear();
	}

	@Test
	void createsAStringSecretAndReadsItBack() {
		SecretReference created = operations.create(this.name, "s3cr3t");
		assertThat(created.name()).isEqualTo(this.name);
		assertThat(created.arn()).contains(this.name);
		assertThat(created.versionId()).isNotBlank();
		assertThat(operations.getString(this.name)).isEqualTo("s3cr3t");
	}

	@Test
	void createsABinarySecretAndReadsItsBytes() {
		byte[] value = { 0, 1, 2, (byte) 0xff };
		operations.create(this.name, value, CreateSecretOptions.none());
		assertThat(operations.getBytes(this.name)).containsExactly(value);
		assertThat(operations.getValue(this.name, VersionSelector.current()).isBinary()).isTrue();
	}

	@Test
	void createsAJsonSecretFromAnObjectAndReadsItAsARecord() {
		operations.createJson(this.name, new DbCredentials("app", "pw1"), CreateSecretOptions.none());
		assertThat(operations.get(this.name, DbCredentials.class)).isEqualTo(new DbCredentials("app", "pw1"));
		assertThat(operations.get(this.name, Map.class)).containsEntry("username", "app");
	}

	@Test
	void createsWithDescriptionAndTags() {
		operations.create(this.name, "v", CreateSecretOptions.none().description("Payment API").tag("team", "pay"));
		SecretMetadata metadata = operations.describe(this.name);
		assertThat(metadata.description()).isEqualTo("Payment API");
		assertThat(metadata.tags()).containsEntry("team", "pay");
	}

	@Test
	void refusesToCreateATakenName() {
		operations.create(this.name, "v");
		assertThatExceptionOfType(SecretAlreadyExistsException.class).isThrownBy(() -> operations.create(this.name, "w"))
			.withMessageContaining("'" + this.name + "'")
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("ResourceExistsException"));
	}

	@Test
	void putsANewCurrentValueAndKeepsThePreviousOne() {
		operations.create(this.name, "v1");
		SecretReference second = operations.putValue(this.name, "v2");
		assertThat(operations.getString(this.name)).isEqualTo("v2");
		assertThat(operations.getString(this.name, VersionSelector.previous())).isEqualTo("v1");
		assertThat(operations.getString(this.name, VersionSelector.versionId(second.versionId()))).isEqualTo("v2");
	}

	@Test
	void putsABinaryValue() {
		operations.create(this.name, "text");
		operations.putValue(this.name, new byte[] { 9, 8, 7 });
		assertThat(operations.getBytes(this.name)).containsExactly(9, 8, 7);
	}

	@Test
	void putsAnObjectAsJson() {
		operations.create(this.name, "{}");
		operations.putJson(this.name, new DbCredentials("app", "pw2"));
		assertThat(operations.get(this.name, DbCredentials.class).password()).isEqualTo("pw2");
	}

	@Test
	void readsAVersionWithItsIdentity() {
		SecretReference created = operations.create(this.name, "v1");
		SecretValue value = operations.getValue(this.name, VersionSelector.current());
		assertThat(value.versionId()).isEqualTo(created.versionId());
		assertThat(value.versionStages()).contains(VersionSelector.AWSCURRENT);
		assertThat(value.string()).isEqualTo("v1");
		assertThat(value.toString()).doesNotContain("v1");
	}

	@Test
	void updatesTheDescription() {
		operations.create(this.name, "v");
		operations.updateDescription(this.name, "new description");
		assertThat(operations.describe(this.name).description()).isEqualTo("new description");
		assertThat(operations.getString(this.name)).isEqualTo("v");
	}

	@Test
	void updatesTheValue() {
		operations.create(this.name, "v1");
		SecretReference updated = operations.updateValue(this.name, "v2");
		assertThat(updated.versionId()).isNotBlank();
		assertThat(operations.getString(this.name)).isEqualTo("v2");
	}

	@Test
	void updatesABinaryValue() {
		operations.create(this.name, new byte[] { 1 }, CreateSecretOptions.none());
		operations.updateValue(this.name, new byte[] { 2 });
		assertThat(operations.getBytes(this.name)).containsExactly(2);
	}

	@Test
	void describesASecretWithItsVersionStages() {
		SecretReference created = operations.create(this.name, "v");
		SecretMetadata metadata = operations.describe(this.name);
		assertThat(metadata.name()).isEqualTo(this.name);
		assertThat(metadata.versionIdOf(VersionSelector.AWSCURRENT)).isEqualTo(created.versionId());
		assertThat(metadata.scheduledForDeletion()).isFalse();
		assertThat(metadata.createdDate()).isNotNull();
	}

	@Test
	void listsSecretsByNamePrefix() {
		operations.create(this.name + "/a", "v");
		operations.create(this.name + "/b", "v");
		operations.create("other/" + this.name, "v");
		try (Stream<SecretMetadata> secrets = operations.list(SecretFilter.name(this.name + "/"))) {
			assertThat(secrets.map(SecretMetadata::name)).containsExactlyInAnyOrder(this.name + "/a",
					this.name + "/b");
		}
	}

	@Test
	void listingFollowsEveryPage() {
		// ListSecrets answers at most 100 secrets a page.
		for (int i = 0; i < 105; i++) {
			server.createSecret(this.name + "/s" + i, "v");
		}
		long before = server.requests().count("ListSecrets");
		try (Stream<SecretMetadata> secrets = operations.list(SecretFilter.name(this.name + "/s"))) {
			assertThat(secrets.map(SecretMetadata::name).distinct()).hasSize(105);
		}
		assertThat(server.requests().count("ListSecrets") - before).isEqualTo(2);
	}

	@Test
	void listsSecretsByTag() {
		operations.create(this.name, "v", CreateSecretOptions.none().tag("listed-by", this.name));
		try (Stream<SecretMetadata> secrets = operations.list(SecretFilter.tagValue(this.name))) {
			assertThat(secrets.map(SecretMetadata::name)).containsExactly(this.name);
		}
	}

	@Test
	void listsSecretsScheduledForDeletionOnlyWhenAsked() {
		operations.create(this.name, "v");
		operations.delete(this.name, Duration.ofDays(7));
		List<SecretFilter> filters = List.of(SecretFilter.name(this.name));
		assertThat(operations.list(filters, false)).isEmpty();
		assertThat(operations.list(filters, true)).singleElement()
			.satisfies((secret) -> assertThat(secret.scheduledForDeletion()).isTrue());
	}

	@Test
	void listsEverySecretAcrossPages() {
		for (int i = 0; i < 3; i++) {
			operations.create(this.name + "/" + i, "v");
		}
		assertThat(operations.list().map(SecretMetadata::name)).contains(this.name + "/0", this.name + "/1",
				this.name + "/2");
	}

	@Test
	void reportsAMissingSecret() {
		assertThatExceptionOfType(SecretNotFoundException.class).isThrownBy(() -> operations.getString(this.name))
			.withMessageContaining("Secret '" + this.name + "' was not found")
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("ResourceNotFoundException"));
	}

	@Test
	void reportsJsonThatDoesNotFitTheTypeWithoutTheValue() {
		operations.create(this.name, "{\"username\":\"app\",\"password\":{\"nested\":\"hunter2\"}}");
		assertThatExceptionOfType(SecretConversionException.class)
			.isThrownBy(() -> operations.get(this.name, DbCredentials.class))
			.withMessageContaining("'" + this.name + "'")
			.withMessageContaining(DbCredentials.class.getName())
			.withMessageContaining("password")
			.withMessageNotContaining("hunter2");
	}

	@Test
	void reportsAValueThatIsNotJsonWithoutTheValue() {
		operations.create(this.name, "hunter2-not-json");
		assertThatExceptionOfType(SecretConversionException.class)
			.isThrownBy(() -> operations.get(this.name, DbCredentials.class))
			.withMessageNotContaining("hunter2")
			.satisfies((ex) -> assertThat(ex).hasNoCause());
	}

	@Test
	void reportsABinarySecretReadAsText() {
		operations.create(this.name, new byte[] { 1, 2 }, CreateSecretOptions.none());
		assertThatExceptionOfType(SecretConversionException.class).isThrownBy(() -> operations.getString(this.name))
			.withMessageContaining("getBytes");
	}

	@Test
	void deletesWithARecoveryWindowAndRestores() {
		operations.create(this.name, "v");
		SecretDeletion deletion = operations.delete(this.name, Duration.ofDays(7));
		assertThat(deletion.deletionDate()).isNotNull();
		assertThat(operations.describe(this.name).scheduledForDeletion()).isTrue();
		assertThatExceptionOfType(SecretStateException.class).isThrownBy(() -> operations.getString(this.name))
			.withMessageContaining("restore");
		operations.restore(this.name);
		assertThat(operations.getString(this.name)).isEqualTo("v");
	}

	@Test
	void deletesWithTheDefaultRecoveryWindow() {
		operations.create(this.name, "v");
		SecretDeletion deletion = operations.delete(this.name);
		assertThat(deletion.deletionDate()).isNotNull();
		assertThat(operations.describe(this.name).scheduledForDeletion()).isTrue();
	}

	@Test
	void deletesWithoutRecovery() {
		operations.create(this.name, "v");
		operations.deleteWithoutRecovery(this.name);
		assertThatExceptionOfType(SecretNotFoundException.class).isThrownBy(() -> operations.describe(this.name));
	}

	@Test
	void tagsAndUntags() {
		operations.create(this.name, "v");
		operations.tag(this.name, Map.of("env", "test", "team", "pay"));
		assertThat(operations.describe(this.name).tags()).containsEntry("env", "test").containsEntry("team", "pay");
		operations.untag(this.name, List.of("env"));
		assertThat(operations.describe(this.name).tags()).doesNotContainKey("env").containsKey("team");
	}

	@Test
	void movesTheCurrentStageBackToAnEarlierVersion() {
		SecretReference first = operations.create(this.name, "v1");
		SecretReference second = operations.putValue(this.name, "v2");
		operations.moveStage(this.name, VersionSelector.AWSCURRENT, first.versionId());
		assertThat(operations.getString(this.name)).isEqualTo("v1");
		assertThat(operations.describe(this.name).versionIdOf(VersionSelector.AWSPREVIOUS))
			.isEqualTo(second.versionId());
	}

	@Test
	void addsAndRemovesACustomStage() {
		SecretReference first = operations.create(this.name, "v1");
		operations.moveStage(this.name, "BLUE", first.versionId());
		assertThat(operations.getString(this.name, VersionSelector.stage("BLUE"))).isEqualTo("v1");
		operations.removeStage(this.name, "BLUE", first.versionId());
		assertThat(operations.describe(this.name).versionIdOf("BLUE")).isNull();
	}

	@Test
	void generatesARandomPasswordWithOptions() {
		String password = operations.randomPassword(PasswordOptions.defaults().length(20).withoutPunctuation());
		assertThat(password).hasSize(20).matches("[A-Za-z0-9]+");
	}

	@Test
	void generatesARandomPasswordWithDefaults() {
		assertThat(operations.randomPassword()).hasSize(32);
	}

	@Test
	void rotatesWithAFunctionAndSchedule() {
		operations.createJson(this.name, new DbCredentials("app", "before"), CreateSecretOptions.none());
		SecretReference rotation = operations.rotate(this.name, RotationOptions.everyDays(30).lambdaArn(ROTATION_ARN));
		assertThat(rotation.versionId()).isNotBlank();
		assertThat(operations.get(this.name, DbCredentials.class).password()).isNotEqualTo("before");
		SecretMetadata metadata = operations.describe(this.name);
		assertThat(metadata.rotationEnabled()).isTrue();
		assertThat(metadata.rotationLambdaArn()).isEqualTo(ROTATION_ARN);
		assertThat(metadata.rotationIntervalDays()).isEqualTo(30);
		assertThat(metadata.versionIdOf(VersionSelector.AWSCURRENT)).isEqualTo(rotation.versionId());
	}

	@Test
	void rotatesAgainWithTheExistingConfiguration() {
		operations.createJson(this.name, new DbCredentials("app", "before"), CreateSecretOptions.none());
		operations.rotate(this.name, RotationOptions.everyDays(30).lambdaArn(ROTATION_ARN));
		String afterFirst = operations.get(this.name, DbCredentials.class).password();
		operations.rotate(this.name);
		assertThat(operations.get(this.name, DbCredentials.class).password()).isNotEqualTo(afterFirst);
	}

	@Test
	void cancelsRotation() {
		operations.createJson(this.name, new DbCredentials("app", "before"), CreateSecretOptions.none());
		operations.rotate(this.name,
				RotationOptions.everyDays(30).lambdaArn(ROTATION_ARN).rotateImmediately(false));
		operations.cancelRotation(this.name);
		assertThat(operations.describe(this.name).rotationEnabled()).isFalse();
	}

	@Test
	void putsGetsAndDeletesAResourcePolicy() {
		operations.create(this.name, "v");
		assertThat(operations.getResourcePolicy(this.name)).isEmpty();
		operations.putResourcePolicy(this.name, POLICY);
		assertThat(operations.getResourcePolicy(this.name)).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("secretsmanager:GetSecretValue"));
		operations.deleteResourcePolicy(this.name);
		assertThat(operations.getResourcePolicy(this.name)).isEmpty();
	}

	@Test
	void validatesAResourcePolicy() {
		operations.create(this.name, "v");
		assertThat(operations.validateResourcePolicy(this.name, POLICY).passed()).isTrue();
	}

	@Test
	void reportsAPublicPolicyWhenBlocked() {
		operations.create(this.name, "v");
		String publicPolicy = POLICY.replace("{\"AWS\":\"arn:aws:iam::000000000000:role/app\"}", "\"*\"");
		assertThatExceptionOfType(InvalidSecretRequestException.class)
			.isThrownBy(() -> operations.putResourcePolicy(this.name, publicPolicy));
	}

	@Test
	void reportsThrottlingAfterTheSdksRetries() {
		operations.create(this.name, "v");
		server.faults().throttle("GetSecretValue", 5);
		assertThatExceptionOfType(SecretsThrottledException.class).isThrownBy(() -> operations.getString(this.name))
			.withMessageContaining("'" + this.name + "'")
			.withMessageContaining("secrets.client.max-attempts");
	}

	@Test
	void reportsAServerErrorAsUnavailable() {
		operations.create(this.name, "v");
		server.faults().fail("GetSecretValue", "InternalServiceError", 500, 5);
		assertThatExceptionOfType(SecretsUnavailableException.class).isThrownBy(() -> operations.getString(this.name))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("InternalServiceError"));
	}

	@Test
	void reportsWrongCredentialsAsAccessDenied() {
		operations.create(this.name, "v");
		try (SecretsManagerClient client = SecretsManagerClient.builder()
			.endpointOverride(server.endpoint())
			.region(Region.of(server.region()))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "wrong")))
			.httpClient(UrlConnectionHttpClient.create())
			.build()) {
			SecretsTemplate template = new SecretsTemplate(client, JsonMapper.builder().build());
			assertThatExceptionOfType(SecretAccessDeniedException.class)
				.isThrownBy(() -> template.getString(this.name))
				.withMessageContaining("'" + this.name + "'");
		}
	}

	@Test
	void appliesExecutionInterceptorBeansToRealCalls() {
		operations.create(this.name, "v");
		CountingInterceptor interceptor = context.getBean(CountingInterceptor.class);
		int before = interceptor.calls.get();
		operations.getString(this.name);
		assertThat(interceptor.calls.get()).isEqualTo(before + 1);
	}

	@Test
	void neverPutsAValueInAnExceptionMessage() {
		operations.create(this.name, "{\"password\":\"topsecret-value\"}");
		server.faults().fail("GetSecretValue", "InvalidRequestException", 400, 1);
		assertThatExceptionOfType(SecretsException.class).isThrownBy(() -> operations.getString(this.name))
			.withMessageNotContaining("topsecret-value");
		assertThatExceptionOfType(SecretConversionException.class)
			.isThrownBy(() -> operations.get(this.name, Integer.class))
			.withMessageNotContaining("topsecret-value");
		assertThat(new String(operations.getBytes(this.name), StandardCharsets.UTF_8)).contains("topsecret-value");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SecretsManagerAutoConfiguration.class)
	static class TestConfiguration {

		@Bean
		CountingInterceptor countingInterceptor() {
			return new CountingInterceptor();
		}

	}

	static class CountingInterceptor implements ExecutionInterceptor {

		final AtomicInteger calls = new AtomicInteger();

		@Override
		public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
			this.calls.incrementAndGet();
		}

	}

}
