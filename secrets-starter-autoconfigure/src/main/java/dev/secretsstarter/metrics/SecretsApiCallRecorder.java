package dev.secretsstarter.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * An SDK {@link ExecutionInterceptor} that records every Secrets Manager API call of every client
 * it is added to: operation, {@link Outcome outcome} and duration (the whole call, retries
 * included). It has no Micrometer dependency, so it can be attached to the client built in the
 * config-data phase, long before a {@code MeterRegistry} exists: calls made before a
 * {@link Sink} is attached are kept (at most {@value #MAX_BUFFERED}) and replayed to each sink
 * when it is added.
 * <p>
 * Registered in the bootstrap registry by {@link SecretsMetricsBootstrapInitializer} (so the
 * import's client uses it), then promoted to the bean {@code secretsApiCallRecorder}, which the
 * auto-configured clients pick up as an {@code ExecutionInterceptor} bean.
 * <p>
 * Thread-safe. Records no request or response content, only the operation name.
 *
 * @author secrets-starter team
 */
public final class SecretsApiCallRecorder implements ExecutionInterceptor {

	/** Calls kept for replay until the first sink is attached. */
	static final int MAX_BUFFERED = 1000;

	private static final ExecutionAttribute<Long> START = new ExecutionAttribute<>("SecretsApiCallRecorder.start");

	private final List<Sink> sinks = new CopyOnWriteArrayList<>();

	private final List<Call> buffered = new ArrayList<>();

	private final LongAdder calls = new LongAdder();

	private final LongAdder nanos = new LongAdder();

	private boolean buffering = true;

	@Override
	public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
		attributes.putAttribute(START, System.nanoTime());
	}

	@Override
	public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
		record(attributes, Outcome.SUCCESS);
	}

	@Override
	public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
		record(attributes, Outcome.of(context.exception()));
	}

	private void record(ExecutionAttributes attributes, Outcome outcome) {
		Long start = attributes.getAttribute(START);
		if (start == null) {
			return;
		}
		long duration = System.nanoTime() - start;
		String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
		Call call = new Call((operation != null) ? operation : "unknown", outcome, duration);
		this.calls.increment();
		this.nanos.add(duration);
		synchronized (this.buffered) {
			// Decided under the lock addSink takes: a call is either buffered (and replayed to the
			// first sink) or sent live, never both.
			if (this.buffering) {
				if (this.buffered.size() < MAX_BUFFERED) {
					this.buffered.add(call);
				}
				return;
			}
		}
		this.sinks.forEach((sink) -> sink.record(call));
	}

	/**
	 * Attach a sink: it first receives the calls recorded before the first sink was attached, then
	 * every further call.
	 * @param sink the sink
	 */
	public void addSink(Sink sink) {
		List<Call> replay;
		synchronized (this.buffered) {
			replay = List.copyOf(this.buffered);
			this.buffering = false;
			this.sinks.add(sink);
		}
		replay.forEach(sink::record);
	}

	/**
	 * Calls recorded so far, successful or not.
	 * @return the count
	 */
	public long totalCalls() {
		return this.calls.sum();
	}

	/**
	 * Time spent in calls so far (calls running in parallel add up).
	 * @return nanoseconds
	 */
	public long totalNanos() {
		return this.nanos.sum();
	}

	/**
	 * One API call.
	 *
	 * @param operation the operation name, for example {@code BatchGetSecretValue}
	 * @param outcome how it ended
	 * @param nanos how long it took, retries included
	 */
	public record Call(String operation, Outcome outcome, long nanos) {

	}

	/**
	 * Receives each recorded call, on the calling thread; must be quick and must not throw.
	 */
	@FunctionalInterface
	public interface Sink {

		/**
		 * Record one call.
		 * @param call the call
		 */
		void record(Call call);

	}

	/**
	 * How a call ended; the tag value is {@link #tagValue()}.
	 */
	public enum Outcome {

		/** The service answered with success. */
		SUCCESS,

		/** The service refused the request (4xx other than throttling): not found, denied, invalid. */
		CLIENT_ERROR,

		/** The service failed (5xx). */
		SERVER_ERROR,

		/** The service throttled the request (after any retries). */
		THROTTLED,

		/** No answer: connection failure, timeout, or another client-side error. */
		IO_ERROR;

		/**
		 * The value of the {@code outcome} tag.
		 * @return the lower-case name
		 */
		public String tagValue() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static Outcome of(Throwable failure) {
			if (failure instanceof SdkServiceException service) {
				if (service.isThrottlingException()) {
					return THROTTLED;
				}
				return (service.statusCode() >= 500) ? SERVER_ERROR : CLIENT_ERROR;
			}
			return IO_ERROR;
		}

	}

}
