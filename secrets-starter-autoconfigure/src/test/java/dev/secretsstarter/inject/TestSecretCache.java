package dev.secretsstarter.inject;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheEntryStatus;
import dev.secretsstarter.cache.SecretCacheListener;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretLoadFailures;
import dev.secretsstarter.cache.SecretSnapshot;

/**
 * A minimal {@link SecretCache} for tests until the real cache lands: a map in front of a fetch
 * function (the real SDK client against secrets-local, or a map). To be deleted in favour of
 * {@code CaffeineSecretCache}.
 */
final class TestSecretCache implements SecretCache {

	private final Function<SecretKey, SecretSnapshot> fetcher;

	private final Map<SecretKey, SecretSnapshot> entries = new ConcurrentHashMap<>();

	private final List<SecretCacheListener> listeners = new CopyOnWriteArrayList<>();

	TestSecretCache(Function<SecretKey, SecretSnapshot> fetcher) {
		this.fetcher = fetcher;
	}

	static TestSecretCache over(SecretsManagerClient client) {
		return new TestSecretCache((key) -> {
			GetSecretValueResponse response = client.getSecretValue(GetSecretValueRequest.builder()
				.secretId(key.secretId())
				.versionStage(key.versionStage())
				.versionId(key.versionId())
				.build());
			Set<String> stages = new HashSet<>(response.versionStages());
			return (response.secretString() != null)
					? SecretSnapshot.ofString(response.name(), response.arn(), response.versionId(), stages,
							response.createdDate(), Instant.now(), response.secretString())
					: SecretSnapshot.ofBinary(response.name(), response.arn(), response.versionId(), stages,
							response.createdDate(), Instant.now(), response.secretBinary().asByteArray());
		});
	}

	@Override
	public SecretSnapshot get(SecretKey key) {
		SecretSnapshot cached = this.entries.get(key);
		return (cached != null) ? cached : swap(key, this.fetcher.apply(key));
	}

	@Override
	public @Nullable SecretSnapshot getIfPresent(SecretKey key) {
		return this.entries.get(key);
	}

	@Override
	public Map<SecretKey, SecretSnapshot> getAll(Collection<SecretKey> keys) {
		Map<SecretKey, SecretSnapshot> result = new LinkedHashMap<>();
		Map<SecretKey, RuntimeException> failures = new LinkedHashMap<>();
		for (SecretKey key : keys) {
			try {
				result.put(key, get(key));
			}
			catch (RuntimeException ex) {
				failures.put(key, ex);
			}
		}
		if (!failures.isEmpty()) {
			throw new SecretLoadFailures(failures);
		}
		return result;
	}

	@Override
	public SecretSnapshot refresh(SecretKey key) {
		return swap(key, this.fetcher.apply(key));
	}

	@Override
	public void put(SecretKey key, SecretSnapshot snapshot) {
		swap(key, snapshot);
	}

	private SecretSnapshot swap(SecretKey key, SecretSnapshot snapshot) {
		SecretSnapshot previous = this.entries.put(key, snapshot);
		if (!snapshot.isSameVersion(previous)) {
			this.listeners.forEach((listener) -> listener.onSnapshotChanged(key, previous, snapshot));
		}
		return snapshot;
	}

	@Override
	public void markVerified(SecretKey key) {
	}

	@Override
	public void markFailed(SecretKey key, Throwable failure) {
	}

	@Override
	public Set<SecretKey> keys() {
		return Set.copyOf(this.entries.keySet());
	}

	@Override
	public void addListener(SecretCacheListener listener) {
		this.listeners.add(listener);
	}

	@Override
	public @Nullable SecretCacheEntryStatus status(SecretKey key) {
		return null;
	}

}
