package dev.secretsstarter.local;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ScheduledRotationIntegrationTests extends AbstractServerIntegrationTests {

	private static final String LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:scheduled";

	@Override
	protected LocalSecretsManager.Builder configure(LocalSecretsManager.Builder builder) {
		return super.configure(builder)
			.rotationCheckInterval(Duration.ofMillis(20))
			.rotationFunction(LAMBDA, PasswordRotationFunction.forKey("password"));
	}

	@Test
	void backgroundCheckRotatesOnceTheClockPassesTheNextRotationDate() {
		this.server.createSecret("db", "{\"password\":\"dummy\"}");
		this.client.rotateSecret((r) -> r.secretId("db")
			.rotationLambdaARN(LAMBDA)
			.rotateImmediately(false)
			.rotationRules((rules) -> rules.automaticallyAfterDays(1L)));
		String before = this.client.getSecretValue((r) -> r.secretId("db")).versionId();
		this.clock.advance(Duration.ofDays(1));
		LocalServerTestSupport.await("the scheduled rotation",
				() -> !before.equals(this.client.getSecretValue((r) -> r.secretId("db")).versionId()));
	}

}
