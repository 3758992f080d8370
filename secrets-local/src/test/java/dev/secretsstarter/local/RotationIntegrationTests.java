package dev.secretsstarter.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RotationIntegrationTests extends AbstractServerIntegrationTests {

	private static final String LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:rotate";

	private static final String FAILING = "arn:aws:lambda:us-east-1:000000000000:function:failing";

	private final List<String> setPasswords = new CopyOnWriteArrayList<>();

	@Override
	protected LocalSecretsManager.Builder configure(LocalSecretsManager.Builder builder) {
		return super.configure(builder)
			.rotationFunction(LAMBDA,
					PasswordRotationFunction.forKey("password").length(20).onSet(this.setPasswords::add))
			.rotationFunction(FAILING, PasswordRotationFunction.forKey("password").onTest((p) -> {
				throw new IllegalStateException("test step failed");
			}));
	}

	private void createCredentials() {
		this.setPasswords.clear();
		this.server.createSecret("db", "{\"username\":\"app\",\"password\":\"dummy-old\"}");
	}

	@Test
	void rotateSecretRunsEveryStepAndMakesTheNewVersionCurrent() {
		createCredentials();
		RotateSecretResponse rotated = this.client.rotateSecret((r) -> r.secretId("db")
			.rotationLambdaARN(LAMBDA)
			.rotationRules((rules) -> rules.automaticallyAfterDays(30L)));
		var current = this.client.getSecretValue((r) -> r.secretId("db"));
		assertThat(current.versionId()).isEqualTo(rotated.versionId());
		assertThat(current.versionStages()).containsExactly("AWSCURRENT");
		assertThat(current.secretString()).contains("\"username\":\"app\"").doesNotContain("dummy-old");
		assertThat(this.setPasswords).singleElement().satisfies((p) -> assertThat(p).hasSize(20));
		assertThat(this.client.getSecretValue((r) -> r.secretId("db").versionStage("AWSPREVIOUS")).secretString())
			.contains("dummy-old");
	}

	@Test
	void describeShowsTheRotationConfiguration() {
		createCredentials();
		this.client.rotateSecret((r) -> r.secretId("db")
			.rotationLambdaARN(LAMBDA)
			.rotationRules((rules) -> rules.automaticallyAfterDays(30L)));
		DescribeSecretResponse described = this.client.describeSecret((r) -> r.secretId("db"));
		assertThat(described.rotationEnabled()).isTrue();
		assertThat(described.rotationLambdaARN()).isEqualTo(LAMBDA);
		assertThat(described.rotationRules().automaticallyAfterDays()).isEqualTo(30L);
		assertThat(described.lastRotatedDate()).isEqualTo(this.clock.instant());
		assertThat(described.nextRotationDate()).isEqualTo(this.clock.instant().plus(Duration.ofDays(30)));
	}

	@Test
	void failingStepLeavesPendingAndKeepsCurrent() {
		createCredentials();
		String before = this.client.getSecretValue((r) -> r.secretId("db")).versionId();
		String pending = this.client.rotateSecret((r) -> r.secretId("db")
			.rotationLambdaARN(FAILING)
			.rotationRules((rules) -> rules.automaticallyAfterDays(1L))).versionId();
		assertThat(this.client.getSecretValue((r) -> r.secretId("db")).versionId()).isEqualTo(before);
		assertThat(this.client.getSecretValue((r) -> r.secretId("db").versionStage("AWSPENDING")).versionId())
			.isEqualTo(pending);
	}

	@Test
	void secondRotationWhileOneIsUnfinishedIsRefused() {
		createCredentials();
		this.client.rotateSecret((r) -> r.secretId("db")
			.rotationLambdaARN(FAILING)
			.rotationRules((rules) -> rules.automaticallyAfterDays(1L)));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.client.rotateSecret((r) -> r.secretId("db").rotationLambdaARN(LAMBDA)));
	}

	@Test
	void unknownLambdaIsRefusedLikeTheService() {
		createCredentials();
		assertThatExceptionOfType(AwsServiceException.class)
			.isThrownBy(() -> this.client.rotateSecret((r) -> r.secretId("db")
				.rotationLambdaARN("arn:aws:lambda:us-east-1:000000000000:function:unknown")
				.rotationRules((rules) -> rules.automaticallyAfterDays(1L))))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
	}

	@Test
	void scheduledRotationRunsWhenDuePerTheClock() {
		createCredentials();
		this.client.rotateSecret((r) -> r.secretId("db")
			.rotationLambdaARN(LAMBDA)
			.rotateImmediately(false)
			.rotationRules((rules) -> rules.scheduleExpression("rate(10 days)")));
		String before = this.client.getSecretValue((r) -> r.secretId("db")).versionId();
		this.server.runDueRotations();
		assertThat(this.client.getSecretValue((r) -> r.secretId("db")).versionId()).isEqualTo(before);
		this.clock.advance(Duration.ofDays(10));
		this.server.runDueRotations();
		assertThat(this.client.getSecretValue((r) -> r.secretId("db")).versionId()).isNotEqualTo(before);
	}

	@Test
	void cancelRotateSecretTurnsRotationOffAndKeepsTheLastConfigurationVisible() {
		createCredentials();
		this.client.rotateSecret((r) -> r.secretId("db")
			.rotationLambdaARN(LAMBDA)
			.rotationRules((rules) -> rules.automaticallyAfterDays(1L)));
		this.client.cancelRotateSecret((r) -> r.secretId("db"));
		DescribeSecretResponse described = this.client.describeSecret((r) -> r.secretId("db"));
		assertThat(described.rotationEnabled()).isFalse();
		assertThat(described.nextRotationDate()).isNull();
		assertThat(described.rotationLambdaARN()).isEqualTo(LAMBDA);
		assertThat(described.rotationRules().automaticallyAfterDays()).isEqualTo(1L);
	}

	@Test
	void listenersSeeTheRotatedValueAsAValueChange() {
		createCredentials();
		List<SecretChangeEvent> events = new CopyOnWriteArrayList<>();
		SecretChangeListener listener = events::add;
		this.server.addListener(listener);
		try {
			String versionId = this.client.rotateSecret((r) -> r.secretId("db")
				.rotationLambdaARN(LAMBDA)
				.rotationRules((rules) -> rules.automaticallyAfterDays(1L))).versionId();
			assertThat(events).filteredOn((e) -> e.type() == SecretChangeEvent.Type.VALUE_CHANGED)
				.singleElement()
				.satisfies((e) -> assertThat(e.currentVersionId()).isEqualTo(versionId));
		}
		finally {
			this.server.removeListener(listener);
		}
	}

}
