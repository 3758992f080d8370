package dev.secretsstarter.test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.secretsstarter.local.AbstractRotationFunction;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.local.RotationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link LocalSecrets#rotate} against a server that runs rotation steps on its own rotation
 * thread, as AWS runs the rotation Lambda (the server behind
 * {@code @AutoConfigureLocalSecretsManager} does).
 */
class LocalSecretsRotationIntegrationTests {

	private LocalSecretsManager server;

	private LocalSecrets secrets;

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.secrets = LocalSecrets.of(this.server);
		this.secrets.put("app/token", "dummy-before");
	}

	@AfterEach
	void stop() {
		this.secrets.close();
		this.server.close();
	}

	@Test
	void rotateReturnsOnceTheNewVersionIsCurrent() {
		String version = this.secrets.rotate("app/token", new SlowRotation("dummy-after"));
		assertThat(this.secrets.currentValue("app/token")).isEqualTo("dummy-after");
		assertThat(version).isNotBlank();
	}

	@Test
	void rotateWhoseStepFailsSaysSoNamingTheSecret() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.secrets.rotate("app/token", new FailingSetSecret(), Duration.ofMillis(500)))
			.withMessageContaining("app/token")
			.withMessageContaining("did not make version");
		assertThat(this.secrets.currentValue("app/token")).isEqualTo("dummy-before");
	}

	/** A rotation function that takes a while to stage the new value, as a Lambda can. */
	private static final class SlowRotation extends AbstractRotationFunction {

		private final String newValue;

		SlowRotation(String newValue) {
			this.newValue = newValue;
		}

		@Override
		public void createSecret(RotationContext context) {
			try {
				// Never released: only its timeout ends the wait, which makes the step slow.
				new CountDownLatch(1).await(300, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			context.putPendingSecretString(this.newValue);
		}

	}

	private static final class FailingSetSecret extends AbstractRotationFunction {

		@Override
		public void createSecret(RotationContext context) {
			context.putPendingSecretString("dummy-never-current");
		}

		@Override
		public void setSecret(RotationContext context) {
			throw new IllegalStateException("the database refused the new password");
		}

	}

}
