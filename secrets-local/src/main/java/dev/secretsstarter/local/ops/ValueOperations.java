package dev.secretsstarter.local.ops;

import java.util.ArrayList;
import java.util.List;

import dev.secretsstarter.local.SecretChangeEvent;
import dev.secretsstarter.local.protocol.ApiCall;
import dev.secretsstarter.local.protocol.Dispatcher;
import dev.secretsstarter.local.protocol.JsonInput;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.SecretValue;
import dev.secretsstarter.local.store.SecretVersion;
import dev.secretsstarter.local.store.ServiceError;
import dev.secretsstarter.local.store.Stages;
import dev.secretsstarter.local.store.Tag;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CreateSecret, PutSecretValue, UpdateSecret, GetSecretValue and DescribeSecret: the operations on a
 * single secret's value and metadata. Stateless; runs under the store lock.
 */
public final class ValueOperations {

	private final SecretStore store;

	public ValueOperations(SecretStore store) {
		this.store = store;
	}

	public void register(Dispatcher dispatcher) {
		dispatcher.register("CreateSecret", this::createSecret);
		dispatcher.register("PutSecretValue", this::putSecretValue);
		dispatcher.register("UpdateSecret", this::updateSecret);
		dispatcher.register("GetSecretValue", this::getSecretValue);
		dispatcher.register("DescribeSecret", this::describeSecret);
	}

	private ObjectNode createSecret(ApiCall call) {
		JsonInput in = call.input();
		SecretValue value = SecretValue.of(in.string("SecretString"), in.binary("SecretBinary"));
		List<String> replicaRegions = Replication.regionsToAdd(in);
		boolean overwriteReplicas = in.bool("ForceOverwriteReplicaSecret", false);
		String type = in.string("Type");
		SecretWrites.NewSecret request = new SecretWrites.NewSecret(in.requireString("Name"), value,
				in.string("ClientRequestToken"), in.string("Description"), in.string("KmsKeyId"), tags(in));
		Replication.check(this.store, request.name(), call.region(), replicaRegions, overwriteReplicas);
		Secret secret = SecretWrites.create(this.store, call.region(), request, call.now(), call.changes());
		secret.type(type);
		ObjectNode response = Views.arnAndName(secret);
		String versionId = secret.currentVersionId();
		if (versionId != null) {
			response.put("VersionId", versionId);
		}
		if (!replicaRegions.isEmpty()) {
			Replication.replicate(this.store, secret, replicaRegions, overwriteReplicas, call.now());
			response.set("ReplicationStatus", Views.replicationStatus(secret));
		}
		return response;
	}

	static List<Tag> tags(JsonInput in) {
		List<Tag> tags = new ArrayList<>();
		for (JsonInput tag : in.objectList("Tags")) {
			tags.add(new Tag(tag.requireString("Key"), java.util.Objects.requireNonNullElse(tag.string("Value"), "")));
		}
		return tags;
	}

	private ObjectNode putSecretValue(ApiCall call) {
		JsonInput in = call.input();
		Secret secret = this.store.requireWritable(call.region(), in.requireString("SecretId"));
		SecretValue value = SecretValue.of(in.string("SecretString"), in.binary("SecretBinary"));
		if (value == null) {
			throw ServiceError.invalidParameter("You must provide either SecretString or SecretBinary.");
		}
		List<String> stages = in.stringList("VersionStages");
		SecretVersion version = SecretWrites.putValue(secret, in.string("ClientRequestToken"), value,
				(stages != null) ? stages : List.of(), call.now(), call.changes());
		ObjectNode response = Views.arnAndName(secret);
		response.put("VersionId", version.id());
		ArrayNode labels = response.putArray("VersionStages");
		version.stages().forEach(labels::add);
		return response;
	}

	private ObjectNode updateSecret(ApiCall call) {
		JsonInput in = call.input();
		Secret secret = this.store.requireWritable(call.region(), in.requireString("SecretId"));
		SecretValue value = SecretValue.of(in.string("SecretString"), in.binary("SecretBinary"));
		String description = in.string("Description");
		String kmsKeyId = in.string("KmsKeyId");
		String type = in.string("Type");
		ObjectNode response = Views.arnAndName(secret);
		// Everything is read and the value (the part that can be refused, e.g. a reused token) is
		// written before any metadata changes: a refused request must change nothing.
		if (value != null) {
			SecretVersion version = SecretWrites.putValue(secret, in.string("ClientRequestToken"), value, List.of(),
					call.now(), call.changes());
			response.put("VersionId", version.id());
		}
		boolean metadata = false;
		if (in.has("Description")) {
			secret.description(description);
			metadata = true;
		}
		if (in.has("KmsKeyId")) {
			secret.kmsKeyId(kmsKeyId);
			metadata = true;
		}
		if (in.has("Type")) {
			secret.type(type);
			metadata = true;
		}
		if (value == null && metadata) {
			secret.changed(call.now());
			call.changes().record(SecretChangeEvent.Type.METADATA_CHANGED, secret);
		}
		return response;
	}

	private ObjectNode getSecretValue(ApiCall call) {
		JsonInput in = call.input();
		Secret secret = this.store.require(call.region(), in.requireString("SecretId"));
		if (secret.markedForDeletion()) {
			throw ServiceError.markedForDeletion(secret.name());
		}
		SecretVersion version = select(secret, in.string("VersionId"), in.string("VersionStage"));
		version.accessed(call.now());
		secret.accessed(call.now());
		return Views.value(secret, version);
	}

	/** Finds the version asked for by id and/or stage, AWSCURRENT when neither is given. */
	static SecretVersion select(Secret secret, @org.jspecify.annotations.Nullable String versionId,
			@org.jspecify.annotations.Nullable String stage) {
		SecretVersion version;
		if (versionId != null) {
			version = secret.versions().get(versionId);
			if (version == null || (stage != null && !version.stages().contains(stage))) {
				throw ServiceError.versionNotFound("VersionId: " + versionId);
			}
		}
		else {
			String label = (stage != null) ? stage : Stages.CURRENT;
			version = secret.versionWithStage(label)
				.orElseThrow(() -> ServiceError.versionNotFound("staging label: " + label));
		}
		if (version.value() == null) {
			throw ServiceError.versionNotFound("VersionId: " + version.id());
		}
		return version;
	}

	private ObjectNode describeSecret(ApiCall call) {
		Secret secret = this.store.require(call.region(), call.input().requireString("SecretId"));
		return Views.describe(secret, "VersionIdsToStages");
	}

}
