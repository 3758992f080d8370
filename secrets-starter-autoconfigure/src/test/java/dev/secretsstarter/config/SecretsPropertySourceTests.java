package dev.secretsstarter.config;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.secretsstarter.cache.CaffeineSecretCache;
import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheEntryStatus;
import dev.secretsstarter.cache.SecretCacheListener;
import dev.secretsstarter.cache.SecretCacheProperties;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property source of one import location over a real {@link CaffeineSecretCache} whose client
 * must never be used: every read is served from memory.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsPropertySourceTests {

	private static final String MARKER = "marker-value-5d1e";

	private static final SecretKey DB = SecretKey.current("db/credentials");

	private static final SecretKey API = SecretKey.current("app/api");

	private static final SecretKey OTHER = SecretKey.current("unrelated");

	private final CountingCache cache = new CountingCache(new CaffeineSecretCache(() -> {
		throw new IllegalStateException("a read of a property must not reach the service");
	}, new SecretCacheProperties(), Clock.systemUTC()));

	private final SnapshotChanges changes = new SnapshotChanges();

	private int versions;

	@BeforeEach
	void listen() {
		this.cache.addListener(this.changes);
	}

	@Test
	void laterSecretsWinOverEarlierOnesForTheSameProperty() {
		SecretsPropertySource source = source(member(DB, "", "{\"shared\":\"db\",\"user\":\"app\"}"),
				member(API, "", "{\"shared\":\"api\"}"));
		assertThat(source.getProperty("shared")).isEqualTo("api");
		assertThat(source.getProperty("user")).isEqualTo("app");
		assertThat(source.getPropertyNames()).containsExactly("shared", "user");
	}

	@Test
	void steadyStateReadsDoNotAskTheCacheAboutEachSecret() {
		SecretsPropertySource source = source(member(DB, "db.", "{\"password\":\"one\"}"),
				member(API, "api.", "{\"key\":\"one\"}"));
		source.getProperty("db.password");
		this.cache.lookups.set(0);
		for (int i = 0; i < 100; i++) {
			assertThat(source.getProperty("api.key")).isEqualTo("one");
			assertThat(source.containsProperty("db.password")).isTrue();
			assertThat(source.getPropertyNames()).hasSize(2);
		}
		assertThat(this.cache.lookups).hasValue(0);
	}

	@Test
	void aSwapOfAnUnrelatedSecretCostsOneCheckOfEachSecretOnce() {
		SecretsPropertySource source = source(member(DB, "db.", "{\"password\":\"one\"}"),
				member(API, "api.", "{\"key\":\"one\"}"));
		source.getProperty("db.password");
		this.cache.put(OTHER, snapshot(OTHER, "{\"x\":\"y\"}"));
		this.cache.lookups.set(0);
		source.getProperty("db.password");
		source.getProperty("api.key");
		assertThat(this.cache.lookups).hasValue(2);
	}

	@Test
	void aRotationOfOneSecretIsVisibleWithTheOthersUnchanged() {
		SecretsPropertySource source = source(member(DB, "", "{\"shared\":\"db-one\",\"db\":\"db-one\"}"),
				member(API, "", "{\"shared\":\"api-one\"}"));
		this.cache.put(DB, snapshot(DB, "{\"shared\":\"db-two\",\"db\":\"db-two\"}"));
		assertThat(source.getProperty("db")).isEqualTo("db-two");
		assertThat(source.getProperty("shared")).isEqualTo("api-one");
		this.cache.put(API, snapshot(API, "{\"key\":\"api-two\"}"));
		assertThat(source.getProperty("shared")).isEqualTo("db-two");
		assertThat(source.getProperty("key")).isEqualTo("api-two");
		assertThat(source.getSnapshot(API).stringValue()).isEqualTo("{\"key\":\"api-two\"}");
	}

	@Test
	void propertiesOfOneSecretAreItsOwnWhateverALaterSecretOverrides() {
		SecretsPropertySource source = source(member(DB, "", "{\"shared\":\"db\",\"user\":\"app\"}"),
				member(API, "", "{\"shared\":\"api\"}"), member(DB, "copy.", "{\"shared\":\"db\",\"user\":\"app\"}"));
		assertThat(source.getSecretKeys()).containsExactly(DB, API);
		assertThat(source.getProperties(DB)).containsOnly(Map.entry("shared", "db"), Map.entry("user", "app"),
				Map.entry("copy.shared", "db"), Map.entry("copy.user", "app"));
		assertThat(source.getProperties(OTHER)).isEmpty();
		assertThat(source.getSnapshot(OTHER)).isNull();
	}

	@Test
	void aMalformedNewVersionKeepsThePreviousPropertiesAndWarnsOnce(CapturedOutput output) {
		SecretsPropertySource source = source(member(DB, "", "{\"password\":\"one\"}"),
				member(API, "", "{\"key\":\"one\"}"));
		this.cache.put(DB, snapshot(DB, "{\"password\":\"" + MARKER));
		this.cache.put(API, snapshot(API, "{\"key\":\"two\"}"));
		for (int i = 0; i < 3; i++) {
			assertThat(source.getProperty("password")).isEqualTo("one");
			this.cache.put(OTHER, snapshot(OTHER, "{}"));
		}
		assertThat(source.getProperty("key")).isEqualTo("two");
		assertThat(output).containsOnlyOnce("Keeping the properties of version").contains("db/credentials")
			.doesNotContain(MARKER);
	}

	@Test
	void toStringOfAMemberNamesItsPropertiesButShowsNoValue() {
		SecretKey key = SecretKey.current("db/credentials");
		SecretsPropertySource.Member member = member(key, "db.", "{\"password\":\"" + MARKER + "\"}");
		assertThat(member.toString()).contains("db.password").doesNotContain(MARKER);
		assertThat(source(member).toString()).doesNotContain(MARKER);
	}

	@Test
	void binaryValuesAreCopiedOnEachRead() {
		SecretSnapshot binary = SecretSnapshot.ofBinary("certs/keystore", "arn:certs/keystore", "v1", Set.of(), null,
				Instant.EPOCH, new byte[] { 1, 2, 3 });
		SecretKey key = SecretKey.current("certs/keystore");
		this.cache.put(key, binary);
		SecretsPropertySource source = source(new SecretsPropertySource.Member(key, "", binary,
				SecretPropertiesFlattener.flatten(binary, "")));
		((byte[]) source.getProperty("keystore"))[0] = 9;
		((byte[]) source.getProperties(key).get("keystore"))[1] = 9;
		assertThat((byte[]) source.getProperty("keystore")).containsExactly(1, 2, 3);
	}

	@Test
	void aVersionReloadedAfterAnEvictionIsServedThoughTheCacheEvictedItAgainBeforeTheRead() {
		SecretsPropertySource source = source(member(DB, "", "{\"password\":\"one\"}"));
		assertThat(source.getProperty("password")).isEqualTo("one");
		this.cache.evicted.add(DB);
		this.cache.put(DB, snapshot(DB, "{\"password\":\"two\"}"));
		assertThat(source.getProperty("password")).isEqualTo("two");
		assertThat(source.getSnapshot(DB).stringValue()).isEqualTo("{\"password\":\"two\"}");
	}

	@Test
	void anEvictedSecretIsNotServedAtAnOlderVersionThanTheOneAlreadyServed() {
		// Notifications arrive after the swap: this one has heard of v2 but not yet of v3.
		SnapshotChanges heard = new SnapshotChanges();
		SecretsPropertySource source = new SecretsPropertySource("aws-secretsmanager:test",
				List.of(member(DB, "", "{\"password\":\"one\"}")), this.cache, heard);
		SecretSnapshot v1 = this.cache.getIfPresent(DB);
		this.cache.put(DB, snapshot(DB, "{\"password\":\"two\"}"));
		SecretSnapshot v2 = this.cache.getIfPresent(DB);
		this.cache.put(DB, snapshot(DB, "{\"password\":\"three\"}"));
		heard.onSnapshotChanged(DB, v1, v2);
		assertThat(source.getProperty("password")).isEqualTo("three");
		this.cache.evicted.add(DB);
		heard.onSnapshotChanged(OTHER, null, snapshot(OTHER, "{}"));
		assertThat(source.getProperty("password")).isEqualTo("three");
	}

	private SecretsPropertySource source(SecretsPropertySource.Member... members) {
		return new SecretsPropertySource("aws-secretsmanager:test", List.of(members), this.cache, this.changes);
	}

	private SecretsPropertySource.Member member(SecretKey key, String prefix, String json) {
		SecretSnapshot snapshot = this.cache.getIfPresent(key);
		if (snapshot == null) {
			snapshot = snapshot(key, json);
			this.cache.put(key, snapshot);
		}
		return new SecretsPropertySource.Member(key, prefix, snapshot, SecretPropertiesFlattener.flatten(snapshot, prefix));
	}

	private SecretSnapshot snapshot(SecretKey key, String json) {
		return SecretSnapshot.ofString(key.secretId(), "arn:" + key.secretId(), "v" + (++this.versions), Set.of(),
				null, Instant.EPOCH, json);
	}

	/** Counts the lookups a property source makes; everything else goes to the real cache. */
	private static final class CountingCache implements SecretCache {

		private final SecretCache delegate;

		private final AtomicInteger lookups = new AtomicInteger();

		// Keys the cache has evicted again by the time anyone looks (a cache smaller than the imports).
		private final Set<SecretKey> evicted = new java.util.HashSet<>();

		CountingCache(SecretCache delegate) {
			this.delegate = delegate;
		}

		@Override
		public SecretSnapshot get(SecretKey key) {
			this.lookups.incrementAndGet();
			return this.delegate.get(key);
		}

		@Override
		public @Nullable SecretSnapshot getIfPresent(SecretKey key) {
			this.lookups.incrementAndGet();
			return this.evicted.contains(key) ? null : this.delegate.getIfPresent(key);
		}

		@Override
		public Map<SecretKey, SecretSnapshot> getAll(Collection<SecretKey> keys) {
			return this.delegate.getAll(keys);
		}

		@Override
		public SecretSnapshot refresh(SecretKey key) {
			return this.delegate.refresh(key);
		}

		@Override
		public void put(SecretKey key, SecretSnapshot snapshot) {
			this.delegate.put(key, snapshot);
		}

		@Override
		public void markVerified(SecretKey key) {
			this.delegate.markVerified(key);
		}

		@Override
		public void markFailed(SecretKey key, Throwable failure) {
			this.delegate.markFailed(key, failure);
		}

		@Override
		public Set<SecretKey> keys() {
			return this.delegate.keys();
		}

		@Override
		public void addListener(SecretCacheListener listener) {
			this.delegate.addListener(listener);
		}

		@Override
		public @Nullable SecretCacheEntryStatus status(SecretKey key) {
			return this.delegate.status(key);
		}

	}

}
