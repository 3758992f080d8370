package dev.secretsstarter.local.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A secret in one region: metadata plus its versions. A replica keeps no versions of its own: it reads
 * those of its primary, which is what makes replication immediate here. Mutable and guarded by the
 * {@link SecretStore} lock; {@link #toString()} shows no value.
 */
public final class Secret {

	private final String name;

	private final String arn;

	private final String region;

	private final Instant created;

	private final Map<String, SecretVersion> versions = new LinkedHashMap<>();

	private final List<Tag> tags = new ArrayList<>();

	private final Map<String, Instant> replicaRegions = new LinkedHashMap<>();

	private @Nullable Secret primary;

	private @Nullable String description;

	private @Nullable String kmsKeyId;

	private @Nullable String type;

	private @Nullable String policy;

	private Instant lastChanged;

	private @Nullable Instant lastAccessed;

	private @Nullable Instant deletionDate;

	private @Nullable Instant deletedOn;

	private boolean rotationEnabled;

	private @Nullable String rotationLambdaArn;

	private @Nullable RotationSettings rotationRules;

	private @Nullable Instant lastRotated;

	private @Nullable Instant nextRotation;

	private @Nullable String rotationInProgress;

	public Secret(String name, String arn, String region, Instant created) {
		this.name = name;
		this.arn = arn;
		this.region = region;
		this.created = created;
		this.lastChanged = created;
	}

	public String name() {
		return this.name;
	}

	public String arn() {
		return this.arn;
	}

	public String region() {
		return this.region;
	}

	public Instant created() {
		return this.created;
	}

	/** @return the live versions map, oldest first, of this secret or of its primary for a replica */
	public Map<String, SecretVersion> versions() {
		return (this.primary != null) ? this.primary.versions() : this.versions;
	}

	public List<Tag> tags() {
		return this.tags;
	}

	/** @return region → time the replica was created, for a primary */
	public Map<String, Instant> replicaRegions() {
		return this.replicaRegions;
	}

	public @Nullable Secret primary() {
		return this.primary;
	}

	public void primary(@Nullable Secret primary) {
		this.primary = primary;
	}

	public boolean isReplica() {
		return this.primary != null;
	}

	public Optional<SecretVersion> versionWithStage(String stage) {
		return versions().values().stream().filter((v) -> v.stages().contains(stage)).findFirst();
	}

	public @Nullable String currentVersionId() {
		return versionWithStage(Stages.CURRENT).map(SecretVersion::id).orElse(null);
	}

	public @Nullable String description() {
		return this.description;
	}

	public void description(@Nullable String description) {
		this.description = description;
	}

	public @Nullable String kmsKeyId() {
		return this.kmsKeyId;
	}

	public void kmsKeyId(@Nullable String kmsKeyId) {
		this.kmsKeyId = kmsKeyId;
	}

	public @Nullable String type() {
		return this.type;
	}

	public void type(@Nullable String type) {
		this.type = type;
	}

	public @Nullable String policy() {
		return this.policy;
	}

	public void policy(@Nullable String policy) {
		this.policy = policy;
	}

	public Instant lastChanged() {
		return this.lastChanged;
	}

	public void changed(Instant when) {
		this.lastChanged = when;
	}

	public @Nullable Instant lastAccessed() {
		return this.lastAccessed;
	}

	public void accessed(Instant when) {
		this.lastAccessed = when;
	}

	/** @return when the secret will be purged, while it is scheduled for deletion */
	public @Nullable Instant deletionDate() {
		return this.deletionDate;
	}

	/** @return when DeleteSecret was called, while it is scheduled for deletion */
	public @Nullable Instant deletedOn() {
		return this.deletedOn;
	}

	public void scheduleDeletion(@Nullable Instant deletedOn, @Nullable Instant deletionDate) {
		this.deletedOn = deletedOn;
		this.deletionDate = deletionDate;
	}

	public boolean markedForDeletion() {
		return this.deletionDate != null;
	}

	public boolean rotationEnabled() {
		return this.rotationEnabled;
	}

	public void rotationEnabled(boolean enabled) {
		this.rotationEnabled = enabled;
	}

	public @Nullable String rotationLambdaArn() {
		return this.rotationLambdaArn;
	}

	public void rotationLambdaArn(@Nullable String arn) {
		this.rotationLambdaArn = arn;
	}

	public @Nullable RotationSettings rotationRules() {
		return this.rotationRules;
	}

	public void rotationRules(@Nullable RotationSettings rules) {
		this.rotationRules = rules;
	}

	public @Nullable Instant lastRotated() {
		return this.lastRotated;
	}

	public void lastRotated(@Nullable Instant when) {
		this.lastRotated = when;
	}

	public @Nullable Instant nextRotation() {
		return this.nextRotation;
	}

	public void nextRotation(@Nullable Instant when) {
		this.nextRotation = when;
	}

	/** @return the token of a rotation whose steps are still running, if any */
	public @Nullable String rotationInProgress() {
		return this.rotationInProgress;
	}

	public void rotationInProgress(@Nullable String token) {
		this.rotationInProgress = token;
	}

	@Override
	public String toString() {
		return "Secret[" + this.arn + "]";
	}

}
