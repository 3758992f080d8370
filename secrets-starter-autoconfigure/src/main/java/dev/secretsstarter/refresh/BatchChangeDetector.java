package dev.secretsstarter.refresh;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.secretsstarter.cache.BatchGetSecretValuePages;
import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.core.SecretsException;
import dev.secretsstarter.core.SecretsExceptionTranslator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

/**
 * The batch detection: BatchGetSecretValue for the AWSCURRENT keys, 20 secrets per call. Fewer
 * calls than one DescribeSecret per secret, but every poll downloads every value; a changed
 * value is served from the batch response without another call. Keys at other stages are checked
 * by the {@link DescribeChangeDetector}. Thread-safe.
 */
final class BatchChangeDetector implements ChangeDetector {

	/** The service's limit of secret ids per BatchGetSecretValue call. */
	static final int BATCH_SIZE = BatchGetSecretValuePages.MAX_IDS_PER_CALL;

	private final Supplier<SecretsManagerClient> client;

	private final SecretCache cache;

	private final Clock clock;

	private final ChangeDetector others;

	BatchChangeDetector(Supplier<SecretsManagerClient> client, SecretCache cache, Clock clock, ChangeDetector others) {
		this.client = client;
		this.cache = cache;
		this.clock = clock;
		this.others = others;
	}

	@Override
	public void detect(Collection<SecretKey> keys, PollOutcome outcome) {
		Map<String, SecretKey> current = new LinkedHashMap<>();
		List<SecretKey> other = new ArrayList<>();
		for (SecretKey key : keys) {
			if (SecretKey.AWSCURRENT.equals(key.versionStage())) {
				current.put(key.secretId(), key);
			}
			else {
				other.add(key);
			}
		}
		List<String> ids = new ArrayList<>(current.keySet());
		for (int from = 0; from < ids.size(); from += BATCH_SIZE) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH_SIZE));
			Map<String, SecretKey> chunkKeys = new LinkedHashMap<>();
			chunk.forEach((id) -> chunkKeys.put(id, current.get(id)));
			checkChunk(chunkKeys, outcome);
		}
		if (!other.isEmpty()) {
			this.others.detect(other, outcome);
		}
	}

	private void checkChunk(Map<String, SecretKey> byId, PollOutcome outcome) {
		Set<SecretKey> answered = new HashSet<>();
		try {
			BatchGetSecretValuePages.read(this.client.get(), byId, (entry, matched) -> {
				// A value answers every key that names its secret (by name, ARN or partial ARN: the
				// matching leaves no key of another secret), as the cache's batch loads do.
				for (SecretKey key : matched) {
					if (answered.add(key)) {
						apply(key, entry, outcome);
					}
				}
			}, (key, error) -> {
				if (answered.add(key)) {
					SecretsException failure = new SecretsException("Checking secret '" + key.secretId()
							+ "' for changes failed with " + error.errorCode() + ": " + error.message(),
							key.secretId(), "BatchGetSecretValue", error.errorCode(), null);
					outcome.failed(this.cache, key, failure);
				}
			}, () -> answered.size() >= byId.size());
		}
		catch (SdkException ex) {
			SecretsException failure = SecretsExceptionTranslator.translate(String.join(",", byId.keySet()),
					"BatchGetSecretValue", ex);
			byId.values()
				.stream()
				.filter((key) -> !answered.contains(key))
				.forEach((key) -> outcome.failed(this.cache, key, failure));
			return;
		}
		byId.values()
			.stream()
			.filter((key) -> !answered.contains(key))
			.forEach((key) -> outcome.failed(this.cache, key,
					new SecretsException("BatchGetSecretValue did not return secret '" + key.secretId() + "'",
							key.secretId(), "BatchGetSecretValue", null, null)));
	}

	private void apply(SecretKey key, SecretValueEntry entry, PollOutcome outcome) {
		SecretSnapshot cached = this.cache.getIfPresent(key);
		if (cached != null && cached.versionId().equals(entry.versionId()) && cached.arn().equals(entry.arn())) {
			this.cache.markVerified(key);
			outcome.unchanged(key);
			return;
		}
		this.cache.put(key, BatchGetSecretValuePages.snapshot(entry, this.clock.instant()));
		outcome.changed(key);
	}

}
