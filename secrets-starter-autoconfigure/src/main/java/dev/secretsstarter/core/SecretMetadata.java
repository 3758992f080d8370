package dev.secretsstarter.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * What Secrets Manager knows about a secret besides its value: the result of describe and of each
 * list entry (the SDK has two response types for the same data; this is one).
 * <p>
 * Immutable and thread-safe.
 *
 * @param arn the secret's ARN
 * @param name the secret's name
 * @param description the description, or {@code null}
 * @param kmsKeyId the KMS key that encrypts it, or {@code null} for the AWS managed key
 * @param rotationEnabled whether automatic rotation is on
 * @param rotationLambdaArn the rotation function, or {@code null}
 * @param rotationIntervalDays days between automatic rotations, or {@code null}
 * @param rotationSchedule the rotation schedule expression, or {@code null}
 * @param createdDate when the secret was created, or {@code null}
 * @param lastChangedDate when the secret last changed, or {@code null}
 * @param lastAccessedDate the day its value was last read, or {@code null}
 * @param lastRotatedDate when it was last rotated, or {@code null}
 * @param nextRotationDate when it is next rotated, or {@code null}
 * @param deletedDate when it was scheduled for deletion, or {@code null} if it is not
 * @param tags its tags, by key
 * @param versionStages staging labels by version id
 * @param owningService the service that manages the secret, or {@code null}
 * @param primaryRegion the primary region of a replicated secret, or {@code null}
 * @author secrets-starter team
 */
public record SecretMetadata(String arn, String name, @Nullable String description, @Nullable String kmsKeyId,
		boolean rotationEnabled, @Nullable String rotationLambdaArn, @Nullable Long rotationIntervalDays,
		@Nullable String rotationSchedule, @Nullable Instant createdDate, @Nullable Instant lastChangedDate,
		@Nullable Instant lastAccessedDate, @Nullable Instant lastRotatedDate, @Nullable Instant nextRotationDate,
		@Nullable Instant deletedDate, Map<String, String> tags, Map<String, List<String>> versionStages,
		@Nullable String owningService, @Nullable String primaryRegion) {

	/**
	 * Create metadata; the maps are copied.
	 */
	public SecretMetadata {
		tags = Map.copyOf(tags);
		versionStages = Map.copyOf(versionStages);
	}

	/**
	 * Whether the secret is scheduled for deletion (and can still be restored).
	 * @return whether a deletion date is set
	 */
	public boolean scheduledForDeletion() {
		return this.deletedDate != null;
	}

	/**
	 * The id of the version that carries a staging label.
	 * @param stage the staging label, for example {@code AWSCURRENT}
	 * @return the version id, or {@code null} if no version carries it
	 */
	public @Nullable String versionIdOf(String stage) {
		return this.versionStages.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contains(stage))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	static SecretMetadata from(DescribeSecretResponse response) {
		RotationRulesType rules = response.rotationRules();
		return new SecretMetadata(response.arn(), response.name(), response.description(), response.kmsKeyId(),
				Boolean.TRUE.equals(response.rotationEnabled()), response.rotationLambdaARN(),
				(rules != null) ? rules.automaticallyAfterDays() : null,
				(rules != null) ? rules.scheduleExpression() : null, response.createdDate(),
				response.lastChangedDate(), response.lastAccessedDate(), response.lastRotatedDate(),
				response.nextRotationDate(), response.deletedDate(), tags(response.tags()),
				stages(response.versionIdsToStages()), response.owningService(), response.primaryRegion());
	}

	static SecretMetadata from(SecretListEntry entry) {
		RotationRulesType rules = entry.rotationRules();
		return new SecretMetadata(entry.arn(), entry.name(), entry.description(), entry.kmsKeyId(),
				Boolean.TRUE.equals(entry.rotationEnabled()), entry.rotationLambdaARN(),
				(rules != null) ? rules.automaticallyAfterDays() : null,
				(rules != null) ? rules.scheduleExpression() : null, entry.createdDate(), entry.lastChangedDate(),
				entry.lastAccessedDate(), entry.lastRotatedDate(), entry.nextRotationDate(), entry.deletedDate(),
				tags(entry.tags()), stages(entry.secretVersionsToStages()), entry.owningService(),
				entry.primaryRegion());
	}

	private static Map<String, String> tags(List<Tag> tags) {
		Map<String, String> result = new LinkedHashMap<>();
		tags.forEach((tag) -> result.put(tag.key(), tag.value()));
		return result;
	}

	private static Map<String, List<String>> stages(Map<String, List<String>> stages) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		stages.forEach((versionId, labels) -> result.put(versionId, List.copyOf(labels)));
		return result;
	}

}
