package dev.secretsstarter.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Drives the error and logging paths with a recognisable value and checks it appears in no log record
 * and no error message.
 */
class NoValueLeakIntegrationTests extends AbstractServerIntegrationTests {

	private static final String CANARY = "dummy-canary-7f3a";

	private static final String FAILING = "arn:aws:lambda:us-east-1:000000000000:function:leaky";

	private final List<LogRecord> records = new CopyOnWriteArrayList<>();

	private final Handler capture = new Handler() {

		@Override
		public void publish(LogRecord record) {
			NoValueLeakIntegrationTests.this.records.add(record);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	@Override
	protected LocalSecretsManager.Builder configure(LocalSecretsManager.Builder builder) {
		return super.configure(builder).rotationFunction(FAILING, new AbstractRotationFunction() {
			@Override
			public void createSecret(RotationContext context) {
				throw new IllegalStateException("cannot handle " + context.currentSecretString().orElse(""));
			}
		});
	}

	@BeforeEach
	void captureLogs() {
		Logger.getLogger("").addHandler(this.capture);
	}

	@AfterEach
	void stopCapturing() {
		Logger.getLogger("").removeHandler(this.capture);
	}

	@Test
	void failingRotationFunctionLogsNoValue() {
		this.server.createSecret("s", "{\"password\":\"" + CANARY + "\"}");
		this.client.rotateSecret((r) -> r.secretId("s")
			.rotationLambdaARN(FAILING)
			.rotationRules((rules) -> rules.automaticallyAfterDays(1L)));
		assertThat(this.records).isNotEmpty().allSatisfy((record) -> {
			assertThat(String.valueOf(record.getMessage())).doesNotContain(CANARY);
			assertThat(record.getThrown()).isNull();
		});
	}

	@Test
	void errorResponsesQuoteNoValue() {
		this.server.createSecret("s", CANARY);
		assertThatExceptionOfType(AwsServiceException.class)
			.isThrownBy(() -> this.client.createSecret((r) -> r.name("s").secretString(CANARY + "x")))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(CANARY));
		assertThatExceptionOfType(AwsServiceException.class)
			.isThrownBy(() -> this.client.createSecret((r) -> r.name("big").secretString(CANARY.repeat(5000))))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(CANARY));
		assertThat(this.records).allSatisfy(
				(record) -> assertThat(String.valueOf(record.getMessage())).doesNotContain(CANARY));
	}

	@Test
	void eventsAndServerToStringCarryNoValue() {
		List<SecretChangeEvent> events = new CopyOnWriteArrayList<>();
		SecretChangeListener listener = events::add;
		this.server.addListener(listener);
		try {
			this.server.createSecret("s", CANARY);
			this.server.putSecretValue("s", CANARY + "-2");
		}
		finally {
			this.server.removeListener(listener);
		}
		assertThat(events).hasSize(2);
		assertThat(events.toString() + this.server + this.server.requests()).doesNotContain(CANARY);
	}

}
