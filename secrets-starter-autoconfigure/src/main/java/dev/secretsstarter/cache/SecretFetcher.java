package dev.secretsstarter.cache;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * The API calls of the cache: GetSecretValue for one key and BatchGetSecretValue for up to 20
 * AWSCURRENT keys, each turned into {@link SecretSnapshot}s or translated failures. Stateless
 * apart from its collaborators; thread-safe.
 */
final class SecretFetcher {

	/** The service's limit of secret ids per BatchGetSecretValue call. */
	static final int BATCH_SIZE = BatchGetSecretValuePages.MAX_IDS_PER_CALL;

	private static final Log logger = LogFactory.getLog(SecretFetcher.class);

	// A supplier, so that a cache nobody reads never builds the client (see SecretCacheAutoConfiguration).
	private final Supplier<SecretsManagerClient> client;

	private final Clock clock;

	SecretFetcher(Supplier<SecretsManagerClient> client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	SecretsManagerClient client() {
		return this.client.get();
	}

	SecretSnapshot fetch(SecretKey key) {
		GetSecretValueRequest.Builder request = GetSecretValueRequest.builder().secretId(key.secretId());
		if (key.versionId() != null) {
			request.versionId(key.versionId());
		}
		else {
			request.versionStage(key.versionStage());
		}
		try {
			return snapshot(this.client.get().getSecretValue(request.build()));
		}
		catch (SdkException ex) {
			throw SecretErrors.translate(key, "GetSecretValue", ex);
		}
	}

	/**
	 * Load up to {@link #BATCH_SIZE} AWSCURRENT keys in one call. Keys the batch cannot serve (a
	 * transient per-secret error, no answer at all, or the whole call refused, for example
	 * because the identity lacks secretsmanager:BatchGetSecretValue) are loaded one by one with
	 * GetSecretValue, which also gets the client's retries.
	 * @param keys the keys, all staged at AWSCURRENT
	 * @param loaded receives every snapshot loaded
	 * @param failed receives every failure
	 */
	void fetchBatch(List<SecretKey> keys, Map<SecretKey, SecretSnapshot> loaded,
			Map<SecretKey, RuntimeException> failed) {
		Map<String, SecretKey> byId = new LinkedHashMap<>();
		keys.forEach((key) -> byId.put(key.secretId(), key));
		Set<SecretKey> answered = new HashSet<>();
		List<SecretKey> fallback = new ArrayList<>();
		try {
			BatchGetSecretValuePages.read(this.client.get(), byId, (entry, matched) -> {
				SecretSnapshot snapshot = snapshot(entry);
				for (SecretKey key : matched) {
					loaded.put(key, snapshot);
					answered.add(key);
				}
			}, (key, error) -> {
				answered.add(key);
				SecretFailureKind kind = SecretFailureKind.ofErrorCode(error.errorCode(), 0);
				if (kind.isTransient()) {
					fallback.add(key);
				}
				else {
					failed.put(key, SecretErrors.translate(key, "BatchGetSecretValue",
							SecretErrors.batchError(error.errorCode(), String.valueOf(error.message()))));
				}
			}, () -> answered.size() >= keys.size());
		}
		catch (SdkClientException ex) {
			// The network failed: one call per secret would fail the same way, only slower.
			keys.forEach((key) -> failed.put(key, SecretErrors.translate(key, "BatchGetSecretValue", ex)));
			return;
		}
		catch (SecretsManagerException ex) {
			logger.debug("BatchGetSecretValue failed (" + ex.statusCode() + "); loading " + keys.size()
					+ " secret(s) one by one with GetSecretValue");
		}
		for (SecretKey key : keys) {
			if (!answered.contains(key) || fallback.contains(key)) {
				try {
					loaded.put(key, fetch(key));
				}
				catch (RuntimeException ex) {
					failed.put(key, ex);
				}
			}
		}
	}

	private SecretSnapshot snapshot(GetSecretValueResponse response) {
		Set<String> stages = response.hasVersionStages() ? Set.copyOf(response.versionStages()) : Set.of();
		if (response.secretString() != null) {
			return SecretSnapshot.ofString(response.name(), response.arn(), response.versionId(), stages,
					response.createdDate(), this.clock.instant(), response.secretString());
		}
		return SecretSnapshot.ofBinary(response.name(), response.arn(), response.versionId(), stages,
				response.createdDate(), this.clock.instant(), response.secretBinary().asByteArray());
	}

	private SecretSnapshot snapshot(SecretValueEntry entry) {
		return BatchGetSecretValuePages.snapshot(entry, this.clock.instant());
	}

}
