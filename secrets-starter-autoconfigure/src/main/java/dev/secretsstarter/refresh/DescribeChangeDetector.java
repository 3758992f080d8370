package dev.secretsstarter.refresh;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheEntryStatus;
import dev.secretsstarter.cache.SecretFailureKind;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.core.SecretAccessDeniedException;
import dev.secretsstarter.core.SecretsException;
import dev.secretsstarter.core.SecretsExceptionTranslator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;

/**
 * The default detection: one DescribeSecret call per tracked secret, whose
 * {@code VersionIdsToStages} tells which version each tracked stage labels. No value is
 * downloaded while nothing changes; a changed key is downloaded with GetSecretValue (through
 * {@link SecretCache#refresh}). If DescribeSecret is denied, that secret falls back to a
 * GetSecretValue per poll, with one warning. Thread-safe.
 */
final class DescribeChangeDetector implements ChangeDetector {

	private static final Log logger = LogFactory.getLog(DescribeChangeDetector.class);

	private final Supplier<SecretsManagerClient> client;

	private final SecretCache cache;

	private final Set<String> describeDenied = ConcurrentHashMap.newKeySet();

	DescribeChangeDetector(Supplier<SecretsManagerClient> client, SecretCache cache) {
		this.client = client;
		this.cache = cache;
	}

	@Override
	public void detect(Collection<SecretKey> keys, PollOutcome outcome) {
		Map<String, List<SecretKey>> byId = new LinkedHashMap<>();
		keys.forEach((key) -> byId.computeIfAbsent(key.secretId(), (id) -> new java.util.ArrayList<>()).add(key));
		byId.forEach((secretId, idKeys) -> check(secretId, idKeys, outcome));
	}

	private void check(String secretId, List<SecretKey> keys, PollOutcome outcome) {
		if (this.describeDenied.contains(secretId)) {
			keys.forEach((key) -> download(key, null, outcome));
			return;
		}
		DescribeSecretResponse described;
		try {
			described = this.client.get().describeSecret((request) -> request.secretId(secretId));
		}
		catch (SdkException ex) {
			SecretsException failure = SecretsExceptionTranslator.translate(secretId, "DescribeSecret", ex);
			if (failure instanceof SecretAccessDeniedException) {
				if (this.describeDenied.add(secretId)) {
					logger.warn("DescribeSecret is denied for secret '" + secretId + "', so rotation detection "
							+ "downloads its value with GetSecretValue on every poll. Grant "
							+ "secretsmanager:DescribeSecret on it to detect changes without downloading values.");
				}
				keys.forEach((key) -> download(key, null, outcome));
				return;
			}
			keys.forEach((key) -> outcome.failed(this.cache, key, failure));
			return;
		}
		if (described.deletedDate() != null) {
			// DescribeSecret still answers for a secret scheduled for deletion, with its versions
			// unchanged, but reading it fails (as BatchGetSecretValue reports): not current.
			SecretsException failure = new SecretsException("Secret '" + secretId + "' is scheduled for deletion on "
					+ described.deletedDate() + " and can no longer be read; the cached value is served until "
					+ "secrets.cache.max-staleness. Restore it (RestoreSecret) or stop using it.", secretId,
					"DescribeSecret", "InvalidRequestException", null);
			keys.forEach((key) -> outcome.failed(this.cache, key, failure));
			return;
		}
		Map<String, List<String>> versions = described.versionIdsToStages();
		for (SecretKey key : keys) {
			String labelled = versionWithStage(versions, key.versionStage());
			SecretSnapshot cached = this.cache.getIfPresent(key);
			if (labelled == null) {
				// No version carries the stage any more (an AWSPENDING after the rotation finished):
				// nothing newer to serve, and what is cached stays.
				outcome.unchanged(key);
			}
			else if (cached != null && cached.versionId().equals(labelled)) {
				this.cache.markVerified(key);
				outcome.unchanged(key);
			}
			else {
				download(key, labelled, outcome);
			}
		}
	}

	private void download(SecretKey key, @Nullable String expectedVersionId, PollOutcome outcome) {
		SecretSnapshot before = this.cache.getIfPresent(key);
		try {
			SecretSnapshot after = this.cache.refresh(key);
			SecretCacheEntryStatus status = this.cache.status(key);
			boolean stale = status != null && status.isStale();
			if (!after.isSameVersion(before)) {
				outcome.changed(key);
			}
			else if (!stale && (expectedVersionId == null || expectedVersionId.equals(after.versionId()))) {
				outcome.unchanged(key);
			}
			else {
				// The cache kept its value: the download failed or is backing off after a failure
				// (without DescribeSecret, that download was the whole check).
				String cause = (status != null && status.lastFailure() != null) ? status.lastFailure()
						: "the download is backing off after an earlier failure";
				SecretFailureKind kind = (status != null && status.lastFailureKind() != null) ? status.lastFailureKind()
						: SecretFailureKind.OTHER;
				String what = (expectedVersionId != null) ? "Version " + expectedVersionId + " of secret '" + key + "'"
						: "Secret '" + key + "'";
				outcome.failed(key, what + " could not be downloaded; still serving version " + after.versionId()
						+ ": " + cause, kind);
			}
		}
		catch (RuntimeException ex) {
			SecretFailureKind kind = PollOutcome.kindOf(ex);
			if (PollOutcome.stillAbsent(kind, before)) {
				outcome.unchanged(key);
			}
			else {
				outcome.failed(key, String.valueOf(ex.getMessage()), kind);
			}
		}
	}

	static @Nullable String versionWithStage(Map<String, List<String>> versions, @Nullable String stage) {
		for (Map.Entry<String, List<String>> entry : versions.entrySet()) {
			if (entry.getValue().contains(stage)) {
				return entry.getKey();
			}
		}
		return null;
	}

}
