package dev.secretsstarter.local.ops;

import dev.secretsstarter.local.SecretChangeEvent;
import dev.secretsstarter.local.protocol.ApiCall;
import dev.secretsstarter.local.protocol.Dispatcher;
import dev.secretsstarter.local.protocol.Json;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.ServiceError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Put/Get/Delete/ValidateResourcePolicy. Policies are stored, checked for JSON syntax and for the one
 * thing BlockPublicPolicy guards (an Allow to principal "*"); they are never evaluated. Stateless; runs
 * under the store lock.
 */
public final class PolicyOperations {

	private final SecretStore store;

	public PolicyOperations(SecretStore store) {
		this.store = store;
	}

	public void register(Dispatcher dispatcher) {
		dispatcher.register("PutResourcePolicy", this::put);
		dispatcher.register("GetResourcePolicy", this::get);
		dispatcher.register("DeleteResourcePolicy", this::delete);
		dispatcher.register("ValidateResourcePolicy", this::validate);
	}

	private ObjectNode put(ApiCall call) {
		Secret secret = this.store.requireWritable(call.region(), call.input().requireString("SecretId"));
		String policy = call.input().requireString("ResourcePolicy");
		JsonNode document = parse(policy);
		if (call.input().bool("BlockPublicPolicy", false) && isPublic(document)) {
			throw new ServiceError("PublicPolicyException", 400,
					"The BlockPublicPolicy parameter is set to true, and the resource policy allows broad access to the secret.");
		}
		secret.policy(policy);
		call.changes().record(SecretChangeEvent.Type.METADATA_CHANGED, secret);
		return Views.arnAndName(secret);
	}

	private ObjectNode get(ApiCall call) {
		Secret secret = this.store.require(call.region(), call.input().requireString("SecretId"));
		ObjectNode response = Views.arnAndName(secret);
		Json.putIfNotNull(response, "ResourcePolicy", secret.policy());
		return response;
	}

	private ObjectNode delete(ApiCall call) {
		Secret secret = this.store.requireWritable(call.region(), call.input().requireString("SecretId"));
		if (secret.policy() != null) {
			secret.policy(null);
			call.changes().record(SecretChangeEvent.Type.METADATA_CHANGED, secret);
		}
		return Views.arnAndName(secret);
	}

	private ObjectNode validate(ApiCall call) {
		String secretId = call.input().string("SecretId");
		if (secretId != null) {
			this.store.require(call.region(), secretId);
		}
		JsonNode document = parse(call.input().requireString("ResourcePolicy"));
		ObjectNode response = Json.object();
		boolean broad = isPublic(document);
		response.put("PolicyValidationPassed", !broad);
		var errors = response.putArray("ValidationErrors");
		if (broad) {
			errors.addObject()
				.put("CheckName", "BROAD_ACCESS_CHECK")
				.put("ErrorMessage", "The policy allows access to principal \"*\".");
		}
		return response;
	}

	private static JsonNode parse(String policy) {
		try {
			JsonNode document = Json.MAPPER.readTree(policy);
			if (document == null || !document.isObject() || !document.has("Statement")) {
				throw malformed();
			}
			return document;
		}
		catch (JacksonException ex) {
			throw malformed();
		}
	}

	private static ServiceError malformed() {
		return new ServiceError("MalformedPolicyDocumentException", 400,
				"The resource policy is not a valid JSON policy document with a Statement.");
	}

	static boolean isPublic(JsonNode document) {
		JsonNode statements = document.get("Statement");
		Iterable<JsonNode> list = statements.isArray() ? statements : java.util.List.of(statements);
		for (JsonNode statement : list) {
			if ("Allow".equals(statement.path("Effect").asString("")) && isWildcard(statement.get("Principal"))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isWildcard(JsonNode principal) {
		if (principal == null) {
			return false;
		}
		if (principal.isString()) {
			return "*".equals(principal.stringValue());
		}
		if (principal.isArray()) {
			for (JsonNode item : principal) {
				if (isWildcard(item)) {
					return true;
				}
			}
			return false;
		}
		if (principal.isObject()) {
			for (JsonNode value : principal.values()) {
				if (isWildcard(value)) {
					return true;
				}
			}
		}
		return false;
	}

}
