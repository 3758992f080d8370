package dev.secretsstarter.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes the calls of a {@link SecretsApiCallRecorder} as the timer {@value #CALLS} with the
 * tags {@code operation} (the API operation name) and {@code outcome} ({@code success},
 * {@code client_error}, {@code server_error}, {@code throttled}, {@code io_error}): a bounded set
 * of at most a few dozen series. Calls made before binding (the config-data phase) are included.
 * <p>
 * Thread-safe.
 *
 * @author secrets-starter team
 */
public final class SecretsApiCallMeterBinder implements MeterBinder {

	/** Name of the API call timer. */
	public static final String CALLS = "secrets.api.calls";

	private final SecretsApiCallRecorder recorder;

	/**
	 * Create a binder.
	 * @param recorder the recorder whose calls to publish
	 */
	public SecretsApiCallMeterBinder(SecretsApiCallRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.recorder.addSink((call) -> Timer.builder(CALLS)
			.description("Secrets Manager API calls, retries included")
			.tag("operation", call.operation())
			.tag("outcome", call.outcome().tagValue())
			.register(registry)
			.record(call.nanos(), TimeUnit.NANOSECONDS));
	}

}
