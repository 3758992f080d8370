package dev.secretsstarter.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

import com.amazonaws.secretsmanager.caching.SecretCacheConfiguration;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.secretsstarter.cache.CaffeineSecretCache;
import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheProperties;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.benchmarks.jmh.Clients;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.local.LocalSecretsManager;

/**
 * Child JVM main: retained heap per cached 1 KB secret. Loads a few entries first (so classes and
 * the client are in the heap before the base line), measures the used heap after full collections,
 * caches {@code count} more, measures again, and reports the difference per secret. The server
 * (when one is needed) is seeded before the base line, so its own copies of the values are not
 * counted.
 * <p>
 * Run with {@code -XX:+UseSerialGC}, whose full collections make the used heap repeatable.
 *
 * @author secrets-starter team
 */
public final class MemoryProbe {

	private static final int PRELOAD = 50;

	private MemoryProbe() {
	}

	/**
	 * Measure one way of caching.
	 * @param args the subject ({@code caffeine-snapshot}, {@code aws-caching-client}) and the count
	 */
	public static void main(String[] args) throws Exception {
		String subject = args[0];
		int count = Integer.parseInt(args[1]);
		List<Object> keepAlive = new ArrayList<>();
		IntConsumer cacheOne = switch (subject) {
			case "caffeine-snapshot" -> caffeineSnapshots(keepAlive);
			case "secrets-starter-cache" -> ourCache(keepAlive, PRELOAD + count);
			case "aws-caching-client" -> awsCachingClient(keepAlive, PRELOAD + count);
			default -> throw new IllegalArgumentException("Unknown subject " + subject);
		};
		for (int i = 0; i < PRELOAD; i++) {
			cacheOne.accept(i);
		}
		long before = usedHeapAfterGc();
		for (int i = PRELOAD; i < PRELOAD + count; i++) {
			cacheOne.accept(i);
		}
		long after = usedHeapAfterGc();
		ChildProcess.report("subject", subject, "count", count, "before_bytes", before, "after_bytes", after,
				"bytes_per_secret", (after - before) / count, "value_bytes", SecretsFixture.VALUE_BYTES);
		System.out.println(keepAlive.size());
		System.exit(0);
	}

	/** Our cache's value type (an immutable SecretSnapshot) in a Caffeine cache keyed by SecretKey. */
	private static IntConsumer caffeineSnapshots(List<Object> keepAlive) {
		Cache<SecretKey, SecretSnapshot> cache = Caffeine.newBuilder().maximumSize(1_000_000).build();
		keepAlive.add(cache);
		Instant now = Instant.now();
		return (i) -> {
			String name = SecretsFixture.name(i);
			cache.put(SecretKey.current(name),
					SecretSnapshot.ofString(name, "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + name + "-AbCdEf",
							java.util.UUID.randomUUID().toString(), Set.of(SecretKey.AWSCURRENT), now, now,
							SecretsFixture.json(i, 0)));
		};
	}

	/** Our cache as the starter configures it, every value loaded through it (batched, as at start-up). */
	private static IntConsumer ourCache(List<Object> keepAlive, int total) {
		LocalSecretsManager server = LocalSecretsManager.builder().build().start();
		for (int i = 0; i < total; i++) {
			server.createSecret(SecretsFixture.name(i), SecretsFixture.json(i, 0));
		}
		SecretCacheProperties properties = new SecretCacheProperties();
		properties.setMaximumSize(total + 1);
		SecretCache cache = new CaffeineSecretCache(Clients.v2(server), properties, Clock.systemUTC());
		keepAlive.add(server);
		keepAlive.add(cache);
		return (i) -> {
			if (cache.get(SecretKey.current(SecretsFixture.name(i))).stringValue() == null) {
				throw new IllegalStateException("No value for " + SecretsFixture.name(i));
			}
		};
	}

	/** AWS's caching client 1.0.2 (SDK v1), every value read once through it. */
	private static IntConsumer awsCachingClient(List<Object> keepAlive, int total) {
		LocalSecretsManager server = LocalSecretsManager.builder().build().start();
		for (int i = 0; i < total; i++) {
			server.createSecret(SecretsFixture.name(i), SecretsFixture.json(i, 0));
		}
		com.amazonaws.secretsmanager.caching.SecretCache cache = new com.amazonaws.secretsmanager.caching.SecretCache(
				new SecretCacheConfiguration().withMaxCacheSize(total + 1)
			.withClient(Clients.v1(server)));
		keepAlive.add(server);
		keepAlive.add(cache);
		return (i) -> {
			if (cache.getSecretString(SecretsFixture.name(i)) == null) {
				throw new IllegalStateException("No value for " + SecretsFixture.name(i));
			}
		};
	}

	/** Used heap after full collections, repeated (bounded) until it stops shrinking. */
	static long usedHeapAfterGc() throws InterruptedException {
		long used = Long.MAX_VALUE;
		for (int attempt = 0; attempt < 10; attempt++) {
			System.gc();
			Thread.sleep(50);
			long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			if (now >= used - 1024) {
				return Math.min(now, used);
			}
			used = now;
		}
		return used;
	}

}
