package dev.secretsstarter.metrics;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretUsages;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Logs one INFO line when the application is ready, summarising what was loaded, for example
 * {@code Secrets: 12 secrets loaded (3 imported, 9 @SecretValue) with 2 API calls, 84 ms in API calls}.
 * Counts, never names or values; at DEBUG it adds the secret ids. An application that uses no
 * secret logs this at DEBUG only, so a healthy application that does not use the starter is quiet.
 * <p>
 * Thread-safe; logs at most once per application.
 *
 * @author secrets-starter team
 */
public final class SecretsStartupReporter implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(SecretsStartupReporter.class);

	private final SecretUsages usages;

	private final @Nullable SecretsApiCallRecorder recorder;

	private final AtomicBoolean reported = new AtomicBoolean();

	/**
	 * Create a reporter.
	 * @param usages where secrets are used
	 * @param recorder the API call recorder, or {@code null} if calls are not recorded
	 */
	public SecretsStartupReporter(SecretUsages usages, @Nullable SecretsApiCallRecorder recorder) {
		this.usages = usages;
		this.recorder = recorder;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		// A child context (for example the actuator's) is ready too: report once, for the root.
		if (event.getApplicationContext().getParent() != null || !this.reported.compareAndSet(false, true)) {
			return;
		}
		String line = summary();
		Set<String> ids = this.usages.secretIds();
		if (ids.isEmpty()) {
			logger.debug(line);
			return;
		}
		logger.info(line);
		if (logger.isDebugEnabled()) {
			logger.debug("Secrets in use: " + ids.stream().sorted().toList());
		}
	}

	/**
	 * The summary line.
	 * @return the line, without names or values
	 */
	String summary() {
		Set<SecretKey> keys = this.usages.keys();
		long imported = keys.stream().filter((key) -> used(key, "import ")).count();
		long injected = keys.stream().filter((key) -> used(key, "@SecretValue ") || used(key, "SecretHandle ")).count();
		StringBuilder line = new StringBuilder("Secrets: ").append(this.usages.secretIds().size())
			.append(" secret(s) loaded (")
			.append(imported)
			.append(" imported, ")
			.append(injected)
			.append(" @SecretValue)");
		if (this.recorder != null) {
			line.append(" with ")
				.append(this.recorder.totalCalls())
				.append(" API call(s), ")
				.append(TimeUnit.NANOSECONDS.toMillis(this.recorder.totalNanos()))
				.append(" ms in API calls");
		}
		return line.toString();
	}

	private boolean used(SecretKey key, String kind) {
		return this.usages.usagesOf(key).stream().anyMatch((usage) -> usage.startsWith(kind));
	}

}
