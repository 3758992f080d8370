package dev.secretsstarter.cache;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

/**
 * One BatchGetSecretValue call for a list of secret ids, followed through its NextToken pages,
 * with every returned value matched back to the keys that asked for it and every per-secret error
 * to the key with that id. The cache's batch loading and the refresh's batch change detection
 * both read batches through it, so paging and matching live in one place; what to do with a value
 * or an error stays with the caller. Infrastructure for those packages, not an application API.
 * Stateless; thread-safe as long as the callbacks are.
 */
public final class BatchGetSecretValuePages {

	/** The most secret ids one BatchGetSecretValue call accepts. */
	public static final int MAX_IDS_PER_CALL = 20;

	// With an id list the service answers in one page; this only bounds a misbehaving endpoint.
	private static final int MAX_PAGES = 10;

	// "-" and six random characters, which the service appends to a secret's name in its ARN.
	private static final int RANDOM_SUFFIX_LENGTH = 7;

	private BatchGetSecretValuePages() {
	}

	/**
	 * The snapshot of one returned value.
	 * @param entry the returned value
	 * @param fetchedAt when it was downloaded
	 * @return the snapshot
	 */
	public static SecretSnapshot snapshot(SecretValueEntry entry, Instant fetchedAt) {
		Set<String> stages = entry.hasVersionStages() ? Set.copyOf(entry.versionStages()) : Set.of();
		if (entry.secretString() != null) {
			return SecretSnapshot.ofString(entry.name(), entry.arn(), entry.versionId(), stages, entry.createdDate(),
					fetchedAt, entry.secretString());
		}
		return SecretSnapshot.ofBinary(entry.name(), entry.arn(), entry.versionId(), stages, entry.createdDate(),
				fetchedAt, entry.secretBinary().asByteArray());
	}

	/**
	 * Request the ids of {@code byId} and hand each page's content to the callbacks: first its
	 * values, then its errors. Another page is requested while the response carries a NextToken,
	 * fewer than 10 pages were read and {@code complete} says the caller still misses answers.
	 * @param client the client to call
	 * @param byId the keys by the id they are requested with (a name, full ARN or partial ARN)
	 * @param onValue receives every returned value with the keys it answers, in the order of
	 * {@code byId}; the list is empty when no key matches
	 * @param onError receives every per-secret error whose id is one of {@code byId}, with its key;
	 * errors for other ids are skipped
	 * @param complete whether the caller has every answer it needs, checked after each page
	 * @throws SdkException when a call fails; the callbacks have seen the pages read before
	 */
	public static void read(SecretsManagerClient client, Map<String, SecretKey> byId,
			BiConsumer<SecretValueEntry, List<SecretKey>> onValue, BiConsumer<SecretKey, APIErrorType> onError,
			BooleanSupplier complete) {
		@Nullable String nextToken = null;
		int pages = 0;
		do {
			String token = nextToken;
			BatchGetSecretValueResponse response = client
				.batchGetSecretValue((request) -> request.secretIdList(byId.keySet()).nextToken(token));
			for (SecretValueEntry entry : response.secretValues()) {
				onValue.accept(entry, matching(byId, entry));
			}
			for (APIErrorType error : response.errors()) {
				SecretKey key = byId.get(error.secretId());
				if (key != null) {
					onError.accept(key, error);
				}
			}
			nextToken = response.nextToken();
			pages++;
		}
		while (nextToken != null && pages < MAX_PAGES && !complete.getAsBoolean());
	}

	// Keys may name the secret by name, full ARN or partial ARN (without the random suffix). The
	// service appends exactly a hyphen and six random characters to the name, so a partial ARN
	// ending in "db" answers to "db-AbCdEf" but not to "db-prod-AbCdEf" of the same batch.
	private static List<SecretKey> matching(Map<String, SecretKey> byId, SecretValueEntry entry) {
		List<SecretKey> keys = new ArrayList<>(1);
		String arn = entry.arn();
		byId.forEach((id, key) -> {
			if (id.equals(entry.name()) || id.equals(arn) || (arn != null && id.startsWith("arn:")
					&& arn.length() == id.length() + RANDOM_SUFFIX_LENGTH && arn.startsWith(id + "-"))) {
				keys.add(key);
			}
		});
		return keys;
	}

}
