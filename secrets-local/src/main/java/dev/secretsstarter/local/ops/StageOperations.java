package dev.secretsstarter.local.ops;

import dev.secretsstarter.local.protocol.ApiCall;
import dev.secretsstarter.local.protocol.Dispatcher;
import dev.secretsstarter.local.protocol.JsonInput;
import dev.secretsstarter.local.store.Changes;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.SecretVersion;
import dev.secretsstarter.local.store.ServiceError;
import dev.secretsstarter.local.store.Stages;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * UpdateSecretVersionStage with the service's checks: moving a label that is attached elsewhere
 * requires naming that version in RemoveFromVersionId. Stateless; runs under the store lock.
 */
public final class StageOperations {

	private final SecretStore store;

	public StageOperations(SecretStore store) {
		this.store = store;
	}

	public void register(Dispatcher dispatcher) {
		dispatcher.register("UpdateSecretVersionStage", this::updateSecretVersionStage);
	}

	private ObjectNode updateSecretVersionStage(ApiCall call) {
		JsonInput in = call.input();
		Secret secret = this.store.requireWritable(call.region(), in.requireString("SecretId"));
		String stage = in.requireString("VersionStage");
		updateStage(secret, stage, in.string("RemoveFromVersionId"), in.string("MoveToVersionId"), call.changes());
		secret.changed(call.now());
		return Views.arnAndName(secret);
	}

	/** The checked label move, shared with rotation functions' {@code makePendingCurrent}. */
	public static void updateStage(Secret secret, String stage, @Nullable String removeFrom, @Nullable String moveTo,
			Changes changes) {
		Stages.checkLabel(stage);
		if (removeFrom == null && moveTo == null) {
			throw ServiceError.invalidParameter("Specify RemoveFromVersionId, MoveToVersionId or both.");
		}
		SecretVersion holder = secret.versionWithStage(stage).orElse(null);
		if (removeFrom != null && (holder == null || !holder.id().equals(removeFrom))) {
			throw ServiceError.invalidParameter("The staging label " + stage + " is not attached to version "
					+ removeFrom + ".");
		}
		String currentBefore = secret.currentVersionId();
		if (moveTo == null) {
			if (Stages.CURRENT.equals(stage)) {
				throw ServiceError.invalidParameter(
						"You can't remove AWSCURRENT without moving it: name the new version in MoveToVersionId.");
			}
			Stages.remove(secret, stage);
		}
		else {
			SecretVersion target = secret.versions().get(moveTo);
			if (target == null) {
				throw ServiceError.invalidParameter("The version " + moveTo + " does not exist.");
			}
			if (holder != null && holder != target && removeFrom == null) {
				throw ServiceError.invalidParameter("The staging label " + stage + " is currently attached to version "
						+ holder.id() + ", so you must explicitly reference that version in RemoveFromVersionId.");
			}
			Stages.move(secret, stage, target);
		}
		Stages.prune(secret);
		changes.stagesChanged(secret, currentBefore);
	}

}
