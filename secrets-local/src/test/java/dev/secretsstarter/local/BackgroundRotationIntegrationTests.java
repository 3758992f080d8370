package dev.secretsstarter.local;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BackgroundRotationIntegrationTests extends AbstractServerIntegrationTests {

	private static final String LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:gated";

	private volatile CountDownLatch gate = new CountDownLatch(0);

	@Override
	protected LocalSecretsManager.Builder configure(LocalSecretsManager.Builder builder) {
		return builder.synchronousRotation(false)
			.rotationFunction(LAMBDA, PasswordRotationFunction.forKey("password").onSet((p) -> {
				try {
					if (!this.gate.await(10, TimeUnit.SECONDS)) {
						throw new IllegalStateException("gate not opened");
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
	}

	@Test
	void rotateSecretAnswersBeforeTheStepsFinishAndRefusesASecondRotation() {
		this.server.createSecret("db", "{\"password\":\"dummy\"}");
		this.gate = new CountDownLatch(1);
		String versionId = this.client.rotateSecret((r) -> r.secretId("db")
			.rotationLambdaARN(LAMBDA)
			.rotationRules((rules) -> rules.automaticallyAfterDays(1L))).versionId();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.client.rotateSecret((r) -> r.secretId("db")));
		this.gate.countDown();
		LocalServerTestSupport.await("rotation to finish",
				() -> versionId.equals(this.client.getSecretValue((r) -> r.secretId("db")).versionId()));
		assertThat(this.client.describeSecret((r) -> r.secretId("db")).versionIdsToStages().get(versionId))
			.containsExactly("AWSCURRENT");
	}

}
