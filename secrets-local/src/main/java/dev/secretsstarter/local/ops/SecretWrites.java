package dev.secretsstarter.local.ops;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.secretsstarter.local.SecretChangeEvent;
import dev.secretsstarter.local.store.Arns;
import dev.secretsstarter.local.store.Changes;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.SecretValue;
import dev.secretsstarter.local.store.SecretVersion;
import dev.secretsstarter.local.store.ServiceError;
import dev.secretsstarter.local.store.Stages;
import dev.secretsstarter.local.store.Tag;
import dev.secretsstarter.local.store.Validation;
import org.jspecify.annotations.Nullable;

/**
 * The writes shared by the API, seeding from code and rotation functions: creating a secret and adding
 * a version with the idempotency-token rules. Stateless; callers hold the store lock.
 */
public final class SecretWrites {

	private SecretWrites() {
	}

	/** A new secret's inputs. */
	public record NewSecret(String name, @Nullable SecretValue value, @Nullable String token,
			@Nullable String description, @Nullable String kmsKeyId, List<Tag> tags) {
	}

	/**
	 * Creates a secret with a random ARN suffix, as the service does (so that a secret deleted and created
	 * again under the same name has another ARN), or returns the existing one when the same token and
	 * value were used before.
	 */
	public static Secret create(SecretStore store, String region, NewSecret request, Instant now, Changes changes) {
		return create(store, region, request, null, now, changes);
	}

	/**
	 * Creates a secret, or returns the existing one when the same token and value were used before.
	 * @param arn the new secret's ARN; a random suffix when {@code null}
	 */
	public static Secret create(SecretStore store, String region, NewSecret request, @Nullable String arn,
			Instant now, Changes changes) {
		Validation.name(request.name());
		request.tags().forEach(Validation::tag);
		Validation.tagCount(request.tags());
		String token = (request.token() != null) ? request.token() : UUID.randomUUID().toString();
		Validation.clientRequestToken(token);
		Secret existing = store.find(region, request.name()).orElse(null);
		if (existing != null) {
			if (existing.markedForDeletion()) {
				throw ServiceError.invalidRequest("You can't create this secret because a secret with this name is already scheduled for deletion. ("
						+ request.name() + ")");
			}
			SecretVersion version = existing.versions().get(token);
			if (version != null && java.util.Objects.equals(version.value(), request.value())) {
				return existing;
			}
			throw ServiceError.exists("The operation failed because the secret " + request.name() + " already exists.");
		}
		Secret secret = new Secret(request.name(),
				(arn != null) ? arn : Arns.newArn(region, store.accountId(), request.name()), region, now);
		secret.description(request.description());
		secret.kmsKeyId(request.kmsKeyId());
		secret.tags().addAll(request.tags());
		if (request.value() != null) {
			Stages.addVersion(secret, token, request.value(), List.of(Stages.CURRENT), now);
		}
		store.add(secret);
		changes.record(SecretChangeEvent.Type.CREATED, secret);
		return secret;
	}

	/**
	 * Adds a version (PutSecretValue / UpdateSecret with a value). The same token with the same value
	 * is a no-op that returns the existing version; with another value it is refused.
	 * @param stages the labels to attach; AWSCURRENT when empty
	 */
	public static SecretVersion putValue(Secret secret, @Nullable String token, SecretValue value,
			Collection<String> stages, Instant now, Changes changes) {
		String versionId = (token != null) ? token : UUID.randomUUID().toString();
		Validation.clientRequestToken(versionId);
		SecretVersion existing = secret.versions().get(versionId);
		if (existing != null) {
			if (value.equals(existing.value())) {
				return existing;
			}
			throw ServiceError.exists("You can't modify an existing version, you can only create a new version. ("
					+ secret.name() + ", version " + versionId + ")");
		}
		String currentBefore = secret.currentVersionId();
		List<String> labels = new java.util.ArrayList<>(stages.isEmpty() ? List.of(Stages.CURRENT) : stages);
		if (currentBefore == null && !labels.contains(Stages.CURRENT)) {
			// The service labels a secret's first version AWSCURRENT whatever was asked.
			labels.add(Stages.CURRENT);
		}
		SecretVersion version = Stages.addVersion(secret, versionId, value, labels, now);
		secret.changed(now);
		changes.stagesChanged(secret, currentBefore);
		return version;
	}

}
