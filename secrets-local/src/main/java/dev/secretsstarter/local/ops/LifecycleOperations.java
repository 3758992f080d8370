package dev.secretsstarter.local.ops;

import java.time.Duration;
import java.time.Instant;

import dev.secretsstarter.local.SecretChangeEvent;
import dev.secretsstarter.local.protocol.ApiCall;
import dev.secretsstarter.local.protocol.Dispatcher;
import dev.secretsstarter.local.protocol.Json;
import dev.secretsstarter.local.protocol.JsonInput;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.ServiceError;
import tools.jackson.databind.node.ObjectNode;

/**
 * DeleteSecret and RestoreSecret: scheduled deletion with a recovery window, forced deletion, and the
 * purge that {@link SecretStore#purgeExpired} performs when the window has passed. Stateless; runs
 * under the store lock.
 */
public final class LifecycleOperations {

	private static final int DEFAULT_RECOVERY_DAYS = 30;

	private final SecretStore store;

	public LifecycleOperations(SecretStore store) {
		this.store = store;
	}

	public void register(Dispatcher dispatcher) {
		dispatcher.register("DeleteSecret", this::deleteSecret);
		dispatcher.register("RestoreSecret", this::restoreSecret);
	}

	private ObjectNode deleteSecret(ApiCall call) {
		JsonInput in = call.input();
		Secret secret = this.store.require(call.region(), in.requireString("SecretId"));
		Integer window = in.integer("RecoveryWindowInDays");
		boolean force = in.bool("ForceDeleteWithoutRecovery", false);
		if (force && window != null) {
			throw ServiceError.invalidParameter(
					"You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
		}
		if (window != null && (window < 7 || window > 30)) {
			throw ServiceError.invalidParameter("RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
		}
		SecretStore.requirePrimary(secret);
		if (!secret.replicaRegions().isEmpty()) {
			throw ServiceError.invalidRequest("You can't delete secret " + secret.name()
					+ " that has replica regions. Remove the replicas with RemoveRegionsFromReplication first.");
		}
		if (secret.markedForDeletion() && !force) {
			throw ServiceError.markedForDeletion(secret.name());
		}
		Instant deletionDate = force ? call.now()
				: call.now().plus(Duration.ofDays((window != null) ? window : DEFAULT_RECOVERY_DAYS));
		if (force) {
			this.store.remove(secret);
		}
		else {
			secret.scheduleDeletion(call.now(), deletionDate);
		}
		call.changes().record(SecretChangeEvent.Type.DELETED, secret);
		ObjectNode response = Views.arnAndName(secret);
		Json.putTime(response, "DeletionDate", deletionDate);
		return response;
	}

	private ObjectNode restoreSecret(ApiCall call) {
		Secret secret = this.store.require(call.region(), call.input().requireString("SecretId"));
		SecretStore.requirePrimary(secret);
		if (secret.markedForDeletion()) {
			secret.scheduleDeletion(null, null);
			secret.changed(call.now());
			call.changes().record(SecretChangeEvent.Type.RESTORED, secret);
		}
		return Views.arnAndName(secret);
	}

}
