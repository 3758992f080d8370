package dev.secretsstarter.local.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.secretsstarter.local.protocol.JsonInput;
import dev.secretsstarter.local.store.Arns;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.SecretVersion;
import dev.secretsstarter.local.store.ServiceError;

/**
 * In-process replication: a replica is a read-only view of its primary's versions in another region,
 * so it is always in sync. Stateless; callers hold the store lock.
 */
final class Replication {

	private Replication() {
	}

	static List<String> regionsToAdd(JsonInput in) {
		List<String> regions = new ArrayList<>();
		for (JsonInput replica : in.objectList("AddReplicaRegions")) {
			regions.add(replica.requireString("Region"));
		}
		return regions;
	}

	/**
	 * Refuses replica regions that {@link #replicate} would refuse, before anything is written: a refused
	 * request must neither create the primary (CreateSecret) nor some of the replicas.
	 */
	static void check(SecretStore store, String name, String primaryRegion, List<String> regions, boolean overwrite) {
		for (String region : regions) {
			if (region.equals(primaryRegion)) {
				throw ServiceError.invalidParameter("A secret can't be replicated to its own Region " + region + ".");
			}
			Secret existing = store.find(region, name).orElse(null);
			boolean ownReplica = existing != null && existing.primary() != null
					&& existing.primary().region().equals(primaryRegion);
			if (existing != null && !ownReplica && !overwrite) {
				throw ServiceError.exists("A secret named " + name + " already exists in " + region
						+ ". Set ForceOverwriteReplicaSecret to replace it.");
			}
		}
	}

	static void replicate(SecretStore store, Secret primary, List<String> regions, boolean overwrite, Instant now) {
		check(store, primary.name(), primary.region(), regions, overwrite);
		for (String region : regions) {
			if (primary.replicaRegions().containsKey(region)) {
				continue;
			}
			store.find(region, primary.name()).ifPresent(store::remove);
			Secret replica = new Secret(primary.name(), Arns.inRegion(primary.arn(), region), region, now);
			replica.primary(primary);
			store.add(replica);
			primary.replicaRegions().put(region, now);
		}
	}

	static void remove(SecretStore store, Secret primary, List<String> regions) {
		for (String region : regions) {
			if (primary.replicaRegions().remove(region) != null) {
				store.find(region, primary.name()).filter((s) -> s.primary() == primary).ifPresent(store::remove);
			}
		}
	}

	/** Turns a replica into a standalone secret with its own copy of the versions. */
	static void promote(Secret replica) {
		Secret primary = replica.primary();
		if (primary == null) {
			throw ServiceError.invalidRequest("The secret " + replica.name() + " is not a replica.");
		}
		Map<String, SecretVersion> copy = new LinkedHashMap<>();
		for (SecretVersion version : primary.versions().values()) {
			SecretVersion own = new SecretVersion(version.id(), version.value(), version.created());
			own.stages().addAll(version.stages());
			copy.put(own.id(), own);
		}
		primary.replicaRegions().remove(replica.region());
		replica.primary(null);
		replica.versions().putAll(copy);
		replica.description(primary.description());
		replica.tags().addAll(primary.tags());
	}

}
