package dev.secretsstarter.refresh;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of rotation detection and refresh, bound from {@code secrets.refresh.*}.
 * <p>
 * Why these defaults: one poll a minute (Spring Cloud AWS's reload period, so users switching
 * see the same latency) with the {@code describe} strategy costs one DescribeSecret call per
 * tracked secret per poll and downloads no value while nothing changes: 60 calls per secret per
 * hour per instance. Ten percent jitter spreads the polls of many instances. Failed polls back
 * off exponentially up to ten minutes, so an outage costs a few calls per secret per hour. Health
 * turns DEGRADED after three failed polls in a row (about seven minutes at the defaults, with the
 * backoff): one or two failures are usually transient, three mean rotations are being missed.
 *
 * @author secrets-starter team
 */
@ConfigurationProperties("secrets.refresh")
public class SecretRefreshProperties {

	/**
	 * Whether to detect rotated secrets and refresh what uses them while the application runs.
	 */
	private boolean enabled = true;

	/**
	 * Time between two polls for changes of the secrets the application uses. Each poll costs
	 * one DescribeSecret call per secret with the describe strategy, one BatchGetSecretValue call
	 * per 20 secrets with the batch strategy. With polling off, the shortest time between two
	 * checks that the secrets health contributor asks for of secrets whose last read failed.
	 */
	private Duration interval = Duration.ofMinutes(1);

	/**
	 * Fraction of the interval by which each wait varies at random (0 to 0.5), so that many
	 * instances do not poll in step.
	 */
	private double jitter = 0.1;

	/**
	 * How a poll detects changes: describe (version ids only, no value downloaded unless changed)
	 * or batch (BatchGetSecretValue, 20 secrets and their values per call).
	 */
	private DetectionStrategy strategy = DetectionStrategy.DESCRIBE;

	/**
	 * Whether an in-process secrets-local server's change notifications trigger a refresh at
	 * once, without waiting for the next poll.
	 */
	private boolean localPush = true;

	/**
	 * Number of polls in a row in which every check failed after which the secrets health
	 * contributor reports DEGRADED, even while every cached value is still within its maximum
	 * staleness: rotations are being missed.
	 */
	private int healthFailureThreshold = 3;

	private final Backoff backoff = new Backoff();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getInterval() {
		return this.interval;
	}

	public void setInterval(Duration interval) {
		this.interval = interval;
	}

	public double getJitter() {
		return this.jitter;
	}

	public void setJitter(double jitter) {
		this.jitter = jitter;
	}

	public DetectionStrategy getStrategy() {
		return this.strategy;
	}

	public void setStrategy(DetectionStrategy strategy) {
		this.strategy = strategy;
	}

	public boolean isLocalPush() {
		return this.localPush;
	}

	public void setLocalPush(boolean localPush) {
		this.localPush = localPush;
	}

	public int getHealthFailureThreshold() {
		return this.healthFailureThreshold;
	}

	public void setHealthFailureThreshold(int healthFailureThreshold) {
		this.healthFailureThreshold = healthFailureThreshold;
	}

	public Backoff getBackoff() {
		return this.backoff;
	}

	/**
	 * How polls are spaced while they fail.
	 */
	public static class Backoff {

		/**
		 * Longest wait between polls while polling fails; the wait doubles from the interval
		 * after each poll in which every check failed.
		 */
		private Duration max = Duration.ofMinutes(10);

		public Duration getMax() {
			return this.max;
		}

		public void setMax(Duration max) {
			this.max = max;
		}

	}

	/**
	 * How a poll detects that a secret changed.
	 */
	public enum DetectionStrategy {

		/**
		 * DescribeSecret per secret: compares the version id labelled with the tracked stage
		 * with the cached one; downloads a value only when it changed.
		 */
		DESCRIBE,

		/**
		 * BatchGetSecretValue for the AWSCURRENT secrets, 20 per call: fewer calls for many
		 * secrets, but every poll downloads every value.
		 */
		BATCH

	}

}
