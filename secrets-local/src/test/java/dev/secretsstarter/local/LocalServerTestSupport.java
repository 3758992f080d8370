package dev.secretsstarter.local;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Shared helpers for tests: SDK clients pointed at a server, a settable clock and bounded polling.
 */
final class LocalServerTestSupport {

	private LocalServerTestSupport() {
	}

	static SecretsManagerClient client(URI endpoint, String region, String accessKey, String secretKey) {
		return SecretsManagerClient.builder()
			.endpointOverride(endpoint)
			.region(Region.of(region))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.build();
	}

	static SecretsManagerClient client(LocalSecretsManager server, String region) {
		return client(server.endpoint(), region, server.accessKeyId(), server.secretAccessKey());
	}

	/** Polls {@code condition} until it holds or 10 seconds pass; never sleeps for a fixed time to wait. */
	static void await(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting for " + what);
			}
			// A short pause between polls keeps the CPU free for the server under test (2 shared cores).
			java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
		}
	}

	/** A clock tests move forward by hand. Thread-safe. */
	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant start) {
			this.now = start;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
