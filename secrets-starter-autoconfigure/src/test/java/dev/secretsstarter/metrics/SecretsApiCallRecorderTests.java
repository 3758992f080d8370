package dev.secretsstarter.metrics;

import java.util.ArrayList;
import java.util.List;

import dev.secretsstarter.metrics.SecretsApiCallRecorder.Call;
import dev.secretsstarter.metrics.SecretsApiCallRecorder.Outcome;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsApiCallRecorderTests {

	private static ExecutionAttributes attributes(String operation) {
		ExecutionAttributes attributes = new ExecutionAttributes();
		attributes.putAttribute(SdkExecutionAttribute.OPERATION_NAME, operation);
		return attributes;
	}

	private static void call(SecretsApiCallRecorder recorder, String operation) {
		ExecutionAttributes attributes = attributes(operation);
		recorder.beforeExecution(null, attributes);
		recorder.afterExecution(null, attributes);
	}

	@Test
	void callsRecordedBeforeASinkIsAttachedAreReplayedToIt() {
		SecretsApiCallRecorder recorder = new SecretsApiCallRecorder();
		call(recorder, "BatchGetSecretValue");
		List<Call> received = new ArrayList<>();
		recorder.addSink(received::add);
		call(recorder, "GetSecretValue");
		assertThat(received).extracting(Call::operation).containsExactly("BatchGetSecretValue", "GetSecretValue");
		assertThat(received).extracting(Call::outcome).containsOnly(Outcome.SUCCESS);
		assertThat(recorder.totalCalls()).isEqualTo(2);
	}

	@Test
	void theReplayBufferIsBounded() {
		SecretsApiCallRecorder recorder = new SecretsApiCallRecorder();
		for (int i = 0; i < SecretsApiCallRecorder.MAX_BUFFERED + 10; i++) {
			call(recorder, "GetSecretValue");
		}
		List<Call> received = new ArrayList<>();
		recorder.addSink(received::add);
		assertThat(received).hasSize(SecretsApiCallRecorder.MAX_BUFFERED);
		assertThat(recorder.totalCalls()).isEqualTo(SecretsApiCallRecorder.MAX_BUFFERED + 10);
	}

	@Test
	void aCallThatNeverStartedIsNotRecorded() {
		SecretsApiCallRecorder recorder = new SecretsApiCallRecorder();
		recorder.afterExecution(null, attributes("GetSecretValue"));
		assertThat(recorder.totalCalls()).isZero();
	}

	@Test
	void outcomesFollowTheFailure() {
		assertThat(Outcome.of(service(400, "ThrottlingException"))).isEqualTo(Outcome.THROTTLED);
		assertThat(Outcome.of(service(429, "TooManyRequests"))).isEqualTo(Outcome.THROTTLED);
		assertThat(Outcome.of(service(400, "ResourceNotFoundException"))).isEqualTo(Outcome.CLIENT_ERROR);
		assertThat(Outcome.of(service(500, "InternalServiceError"))).isEqualTo(Outcome.SERVER_ERROR);
		assertThat(Outcome.of(SdkClientException.create("connection refused"))).isEqualTo(Outcome.IO_ERROR);
		assertThat(Outcome.of(ApiCallTimeoutException.create(100))).isEqualTo(Outcome.IO_ERROR);
		assertThat(Outcome.THROTTLED.tagValue()).isEqualTo("throttled");
		assertThat(Outcome.CLIENT_ERROR.tagValue()).isEqualTo("client_error");
	}

	private static AwsServiceException service(int status, String code) {
		return AwsServiceException.builder()
			.statusCode(status)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
			.build();
	}

}
