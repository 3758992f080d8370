package dev.secretsstarter.metrics;

import dev.secretsstarter.refresh.SecretsRefresher;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes the state of rotation detection from {@link SecretsRefresher#status()}:
 * {@code secrets.refresh.polls} (polls run, scheduled and manual) and
 * {@code secrets.refresh.failed.polls} (polls in a row in which every check failed; 0 when
 * healthy). Rotations and failed checks are counted by the cache ({@code secrets.rotations},
 * {@code secrets.refresh.failures}), whoever caused them. Thread-safe.
 *
 * @author secrets-starter team
 */
public final class SecretRefreshMeterBinder implements MeterBinder {

	private final SecretsRefresher refresher;

	/**
	 * Create a binder.
	 * @param refresher the refresher to observe
	 */
	public SecretRefreshMeterBinder(SecretsRefresher refresher) {
		this.refresher = refresher;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("secrets.refresh.polls", this.refresher, (refresher) -> refresher.status().polls())
			.description("Polls for rotated secrets, scheduled and manual")
			.register(registry);
		Gauge.builder("secrets.refresh.failed.polls", this.refresher,
				(refresher) -> refresher.status().consecutiveFailedPolls())
			.description("Polls in a row in which every check failed; 0 when healthy")
			.register(registry);
	}

}
