package dev.secretsstarter.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ListenerAndControlIntegrationTests extends AbstractServerIntegrationTests {

	@Test
	void listenersSeeCreationAndValueChangesWithoutValues() {
		List<SecretChangeEvent> events = new CopyOnWriteArrayList<>();
		SecretChangeListener listener = events::add;
		this.server.addListener(listener);
		try {
			this.client.createSecret((r) -> r.name("s").secretString("dummy-1"));
			String v2 = this.client.putSecretValue((r) -> r.secretId("s").secretString("dummy-2")).versionId();
			assertThat(events).extracting(SecretChangeEvent::type)
				.containsExactly(SecretChangeEvent.Type.CREATED, SecretChangeEvent.Type.VALUE_CHANGED);
			assertThat(events.get(1).currentVersionId()).isEqualTo(v2);
			assertThat(events.get(1).operation()).isEqualTo("PutSecretValue");
			assertThat(events.toString()).doesNotContain("dummy");
		}
		finally {
			this.server.removeListener(listener);
		}
	}

	@Test
	void pendingVersionIsAStageChangeNotAValueChange() {
		this.server.createSecret("s", "dummy-1");
		List<SecretChangeEvent> events = new CopyOnWriteArrayList<>();
		SecretChangeListener listener = events::add;
		this.server.addListener(listener);
		try {
			this.client.putSecretValue((r) -> r.secretId("s").secretString("dummy-2").versionStages("AWSPENDING"));
			assertThat(events).extracting(SecretChangeEvent::type).containsExactly(SecretChangeEvent.Type.STAGES_CHANGED);
		}
		finally {
			this.server.removeListener(listener);
		}
	}

	@Test
	void aFailingListenerDoesNotFailTheWrite() {
		SecretChangeListener listener = (event) -> {
			throw new IllegalStateException("listener failure");
		};
		this.server.addListener(listener);
		try {
			this.client.createSecret((r) -> r.name("s").secretString("dummy"));
			assertThat(this.client.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy");
		}
		finally {
			this.server.removeListener(listener);
		}
	}

	@Test
	void listenersMayCallBackIntoTheServer() {
		SecretChangeListener listener = (event) -> this.server.requests().counts();
		this.server.addListener(listener);
		try {
			this.client.createSecret((r) -> r.name("s").secretString("dummy"));
			this.client.getSecretValue((r) -> r.secretId("s"));
		}
		finally {
			this.server.removeListener(listener);
		}
	}

	@Test
	void requestsAreCountedPerOperationWithResponseBytes() {
		this.server.createSecret("s", "dummy");
		this.client.getSecretValue((r) -> r.secretId("s"));
		this.client.getSecretValue((r) -> r.secretId("s"));
		this.client.listSecrets();
		assertThat(this.server.requests().count("GetSecretValue")).isEqualTo(2);
		assertThat(this.server.requests().counts()).containsEntry("ListSecrets", 1L).doesNotContainKey("CreateSecret");
		assertThat(this.server.requests().responseBytes("GetSecretValue")).isPositive();
	}

	@Test
	void throttlingIsRetriedByTheSdkAndCounted() {
		this.server.createSecret("s", "dummy");
		this.server.faults().throttle("GetSecretValue", 2);
		assertThat(this.client.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy");
		assertThat(this.server.requests().count("GetSecretValue")).isEqualTo(3);
	}

	@Test
	void throttlingBeyondTheRetriesReachesTheCaller() {
		this.server.createSecret("s", "dummy");
		this.server.faults().throttle("*", 10);
		try (SecretsManagerClient noRetry = noRetryClient()) {
			assertThatExceptionOfType(SecretsManagerException.class)
				.isThrownBy(() -> noRetry.getSecretValue((r) -> r.secretId("s")))
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException"));
		}
	}

	@Test
	void fixedFailuresAnswerWithTheGivenError() {
		this.server.createSecret("s", "dummy");
		this.server.faults().fail("GetSecretValue", "InternalServiceError", 500, 1);
		try (SecretsManagerClient noRetry = noRetryClient()) {
			assertThatExceptionOfType(AwsServiceException.class)
				.isThrownBy(() -> noRetry.getSecretValue((r) -> r.secretId("s")))
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(500));
			assertThat(noRetry.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy");
		}
	}

	@Test
	void errorRateOneFailsEveryRequestUntilCleared() {
		this.server.createSecret("s", "dummy");
		this.server.faults().errorRate("GetSecretValue", 1.0);
		try (SecretsManagerClient noRetry = noRetryClient()) {
			assertThatExceptionOfType(AwsServiceException.class)
				.isThrownBy(() -> noRetry.getSecretValue((r) -> r.secretId("s")));
			this.server.faults().clear();
			assertThat(noRetry.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy");
		}
	}

	@Test
	void latencyDelaysButDoesNotFailRequests() {
		this.server.createSecret("s", "dummy");
		this.server.faults().latency("GetSecretValue", Duration.ofMillis(50));
		assertThat(this.client.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy");
	}

	private SecretsManagerClient noRetryClient() {
		return SecretsManagerClient.builder()
			.endpointOverride(this.server.endpoint())
			.region(software.amazon.awssdk.regions.Region.US_EAST_1)
			.credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
				.create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
			.httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
			.overrideConfiguration((c) -> c.retryStrategy(RetryMode.STANDARD).retryStrategy((b) -> b.maxAttempts(1)))
			.build();
	}

}
