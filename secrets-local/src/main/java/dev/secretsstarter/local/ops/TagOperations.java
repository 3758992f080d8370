package dev.secretsstarter.local.ops;

import java.util.ArrayList;
import java.util.List;

import dev.secretsstarter.local.SecretChangeEvent;
import dev.secretsstarter.local.protocol.ApiCall;
import dev.secretsstarter.local.protocol.Dispatcher;
import dev.secretsstarter.local.protocol.Json;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.ServiceError;
import dev.secretsstarter.local.store.Tag;
import dev.secretsstarter.local.store.Validation;
import tools.jackson.databind.node.ObjectNode;

/**
 * TagResource and UntagResource with the service's tag limits. Stateless; runs under the store lock.
 */
public final class TagOperations {

	private final SecretStore store;

	public TagOperations(SecretStore store) {
		this.store = store;
	}

	public void register(Dispatcher dispatcher) {
		dispatcher.register("TagResource", this::tagResource);
		dispatcher.register("UntagResource", this::untagResource);
	}

	private ObjectNode tagResource(ApiCall call) {
		Secret secret = this.store.require(call.region(), call.input().requireString("SecretId"));
		SecretStore.requirePrimary(secret);
		List<Tag> added = ValueOperations.tags(call.input());
		added.forEach(Validation::tag);
		List<Tag> merged = new ArrayList<>(secret.tags());
		for (Tag tag : added) {
			merged.removeIf((t) -> t.key().equals(tag.key()));
			merged.add(tag);
		}
		Validation.tagCount(merged);
		secret.tags().clear();
		secret.tags().addAll(merged);
		secret.changed(call.now());
		call.changes().record(SecretChangeEvent.Type.METADATA_CHANGED, secret);
		return Json.object();
	}

	private ObjectNode untagResource(ApiCall call) {
		Secret secret = this.store.require(call.region(), call.input().requireString("SecretId"));
		SecretStore.requirePrimary(secret);
		List<String> keys = call.input().stringList("TagKeys");
		if (keys == null) {
			throw ServiceError.invalidParameter("The parameter TagKeys is required.");
		}
		if (keys.stream().anyMatch(Validation::reserved)) {
			throw ServiceError.invalidParameter("Tag keys starting with aws: are reserved for AWS use.");
		}
		if (secret.tags().removeIf((t) -> keys.contains(t.key()))) {
			secret.changed(call.now());
			call.changes().record(SecretChangeEvent.Type.METADATA_CHANGED, secret);
		}
		return Json.object();
	}

}
