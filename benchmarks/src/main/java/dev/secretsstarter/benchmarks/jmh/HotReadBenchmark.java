package dev.secretsstarter.benchmarks.jmh;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.amazonaws.secretsmanager.caching.SecretCache;
import com.amazonaws.secretsmanager.caching.SecretCacheConfiguration;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.secretsstarter.benchmarks.SecretsFixture;
import dev.secretsstarter.local.LocalSecretsManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm reads of one cached 1 KB secret value, by the reference points and by AWS's caching client:
 * a {@code ConcurrentHashMap.get}, a Caffeine {@code getIfPresent}, and
 * {@code SecretCache.getSecretString} after the value was loaded from secrets-local.
 * Our own reads are in {@link OurHotReadBenchmark}; both run in one JMH invocation.
 *
 * @author secrets-starter team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotReadBenchmark {

	private static final int ENTRIES = 100;

	private final Map<String, String> map = new ConcurrentHashMap<>();

	private final Cache<String, String> caffeine = Caffeine.newBuilder().maximumSize(10_000).build();

	private String key = SecretsFixture.name(7);

	private LocalSecretsManager server;

	private SecretCache awsCache;

	@Setup(Level.Trial)
	public void setUp() {
		for (int i = 0; i < ENTRIES; i++) {
			this.map.put(SecretsFixture.name(i), SecretsFixture.json(i, 0));
			this.caffeine.put(SecretsFixture.name(i), SecretsFixture.json(i, 0));
		}
		// A fresh String equal to the stored key, as an application would pass it.
		this.key = new String(SecretsFixture.name(7).toCharArray());
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret(this.key, SecretsFixture.json(7, 0));
		this.awsCache = new SecretCache(new SecretCacheConfiguration().withClient(Clients.v1(this.server)));
		if (!SecretsFixture.json(7, 0).equals(this.awsCache.getSecretString(this.key))) {
			throw new IllegalStateException("AWS caching client did not read the seeded value");
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.awsCache.close();
		this.server.close();
	}

	@Benchmark
	public String concurrentHashMapGet() {
		return this.map.get(this.key);
	}

	@Benchmark
	public String caffeineGetIfPresent() {
		return this.caffeine.getIfPresent(this.key);
	}

	@Benchmark
	public String awsCachingClientGetSecretString() {
		return this.awsCache.getSecretString(this.key);
	}

}
