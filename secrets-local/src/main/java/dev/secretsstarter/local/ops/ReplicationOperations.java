package dev.secretsstarter.local.ops;

import java.util.List;

import dev.secretsstarter.local.SecretChangeEvent;
import dev.secretsstarter.local.protocol.ApiCall;
import dev.secretsstarter.local.protocol.Dispatcher;
import dev.secretsstarter.local.protocol.Json;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.ServiceError;
import tools.jackson.databind.node.ObjectNode;

/**
 * ReplicateSecretToRegions, RemoveRegionsFromReplication and StopReplicationToReplica. Stateless; runs
 * under the store lock.
 */
public final class ReplicationOperations {

	private final SecretStore store;

	public ReplicationOperations(SecretStore store) {
		this.store = store;
	}

	public void register(Dispatcher dispatcher) {
		dispatcher.register("ReplicateSecretToRegions", this::replicate);
		dispatcher.register("RemoveRegionsFromReplication", this::removeRegions);
		dispatcher.register("StopReplicationToReplica", this::stopReplication);
	}

	private ObjectNode replicate(ApiCall call) {
		Secret primary = this.store.requireWritable(call.region(), call.input().requireString("SecretId"));
		List<String> regions = Replication.regionsToAdd(call.input());
		if (regions.isEmpty()) {
			throw ServiceError.invalidParameter("AddReplicaRegions must name at least one Region.");
		}
		Replication.replicate(this.store, primary, regions, call.input().bool("ForceOverwriteReplicaSecret", false),
				call.now());
		call.changes().record(SecretChangeEvent.Type.METADATA_CHANGED, primary);
		return response(primary);
	}

	private ObjectNode removeRegions(ApiCall call) {
		Secret primary = this.store.requireWritable(call.region(), call.input().requireString("SecretId"));
		List<String> regions = call.input().stringList("RemoveReplicaRegions");
		if (regions == null || regions.isEmpty()) {
			throw ServiceError.invalidParameter("RemoveReplicaRegions must name at least one Region.");
		}
		Replication.remove(this.store, primary, regions);
		call.changes().record(SecretChangeEvent.Type.METADATA_CHANGED, primary);
		return response(primary);
	}

	private ObjectNode stopReplication(ApiCall call) {
		Secret replica = this.store.require(call.region(), call.input().requireString("SecretId"));
		Replication.promote(replica);
		call.changes().record(SecretChangeEvent.Type.METADATA_CHANGED, replica);
		ObjectNode response = Json.object();
		response.put("ARN", replica.arn());
		return response;
	}

	private static ObjectNode response(Secret primary) {
		ObjectNode response = Json.object();
		response.put("ARN", primary.arn());
		response.set("ReplicationStatus", Views.replicationStatus(primary));
		return response;
	}

}
