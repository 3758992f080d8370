package dev.secretsstarter.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the secret cache, bound from {@code secrets.cache.*}.
 * <p>
 * Why these defaults: the maximum staleness of one hour matches the refresh interval of AWS's own
 * caching client, long enough to ride out a regional outage or a throttling episode while keeping
 * the window in which a revoked value is still served short. Backoff starts at one second, so a
 * single transient error heals at once, and doubles up to five minutes, so a long outage costs
 * about a dozen calls per secret per hour rather than one per read.
 *
 * @author secrets-starter team
 */
@ConfigurationProperties("secrets.cache")
public class SecretCacheProperties {

	/**
	 * Maximum number of secret versions kept in the cache.
	 */
	private long maximumSize = 1000;

	/**
	 * How long after its value was last confirmed current a cached secret is still served while
	 * refreshing it fails. Past it, reading the secret fails with an error naming the secret.
	 */
	private Duration maxStaleness = Duration.ofHours(1);

	private final Backoff backoff = new Backoff();

	public long getMaximumSize() {
		return this.maximumSize;
	}

	public void setMaximumSize(long maximumSize) {
		this.maximumSize = maximumSize;
	}

	public Duration getMaxStaleness() {
		return this.maxStaleness;
	}

	public void setMaxStaleness(Duration maxStaleness) {
		this.maxStaleness = maxStaleness;
	}

	public Backoff getBackoff() {
		return this.backoff;
	}

	/**
	 * Exponential backoff with jitter between retries of a failed refresh.
	 */
	public static class Backoff {

		/**
		 * Wait after the first failed refresh before the next attempt.
		 */
		private Duration initial = Duration.ofSeconds(1);

		/**
		 * Longest wait between attempts.
		 */
		private Duration max = Duration.ofMinutes(5);

		/**
		 * Factor by which the wait grows after each further failure.
		 */
		private double multiplier = 2.0;

		public Duration getInitial() {
			return this.initial;
		}

		public void setInitial(Duration initial) {
			this.initial = initial;
		}

		public Duration getMax() {
			return this.max;
		}

		public void setMax(Duration max) {
			this.max = max;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

	}

}
