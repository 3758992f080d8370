package dev.secretsstarter.local.persist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.secretsstarter.local.protocol.Json;
import dev.secretsstarter.local.store.RotationSettings;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.SecretValue;
import dev.secretsstarter.local.store.SecretVersion;
import dev.secretsstarter.local.store.Tag;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The plaintext form of a snapshot (encrypted by {@link DataFile} before it touches the disk).
 * Stateless; callers hold the store lock.
 */
final class SnapshotCodec {

	private SnapshotCodec() {
	}

	static byte[] write(SecretStore store) {
		ObjectNode root = Json.object();
		root.put("format", 1);
		ArrayNode secrets = root.putArray("secrets");
		for (Secret secret : store.all()) {
			secrets.add(write(secret));
		}
		return Json.MAPPER.writeValueAsBytes(root);
	}

	private static ObjectNode write(Secret secret) {
		ObjectNode node = Json.object();
		node.put("name", secret.name());
		node.put("arn", secret.arn());
		node.put("region", secret.region());
		time(node, "created", secret.created());
		Json.putIfNotNull(node, "primaryRegion", secret.isReplica() ? secret.primary().region() : null);
		Json.putIfNotNull(node, "description", secret.description());
		Json.putIfNotNull(node, "kmsKeyId", secret.kmsKeyId());
		Json.putIfNotNull(node, "type", secret.type());
		Json.putIfNotNull(node, "policy", secret.policy());
		time(node, "lastChanged", secret.lastChanged());
		time(node, "lastAccessed", secret.lastAccessed());
		time(node, "deletedOn", secret.deletedOn());
		time(node, "deletionDate", secret.deletionDate());
		node.put("rotationEnabled", secret.rotationEnabled());
		Json.putIfNotNull(node, "rotationLambdaArn", secret.rotationLambdaArn());
		RotationSettings rules = secret.rotationRules();
		if (rules != null) {
			ObjectNode r = node.putObject("rotationRules");
			if (rules.automaticallyAfterDays() != null) {
				r.put("days", rules.automaticallyAfterDays());
			}
			Json.putIfNotNull(r, "expression", rules.scheduleExpression());
			Json.putIfNotNull(r, "duration", rules.duration());
		}
		time(node, "lastRotated", secret.lastRotated());
		time(node, "nextRotation", secret.nextRotation());
		ArrayNode tags = node.putArray("tags");
		secret.tags().forEach((t) -> tags.addObject().put("key", t.key()).put("value", t.value()));
		ObjectNode replicas = node.putObject("replicaRegions");
		secret.replicaRegions().forEach((region, since) -> replicas.put(region, since.toString()));
		if (!secret.isReplica()) {
			ArrayNode versions = node.putArray("versions");
			for (SecretVersion version : secret.versions().values()) {
				ObjectNode v = versions.addObject();
				v.put("id", version.id());
				time(v, "created", version.created());
				time(v, "lastAccessed", version.lastAccessed());
				SecretValue value = version.value();
				if (value != null && value.string() != null) {
					v.put("string", value.string());
				}
				else if (value != null && value.binary() != null) {
					v.put("binary", Base64.getEncoder().encodeToString(value.binary()));
				}
				ArrayNode stages = v.putArray("stages");
				version.stages().forEach(stages::add);
			}
		}
		return node;
	}

	static void read(byte[] json, SecretStore store) {
		JsonNode root = Json.MAPPER.readTree(json);
		List<JsonNode> replicas = new ArrayList<>();
		for (JsonNode node : root.path("secrets")) {
			Secret secret = new Secret(node.get("name").stringValue(), node.get("arn").stringValue(),
					node.get("region").stringValue(), instant(node, "created"));
			secret.description(text(node, "description"));
			secret.kmsKeyId(text(node, "kmsKeyId"));
			secret.type(text(node, "type"));
			secret.policy(text(node, "policy"));
			secret.changed(instant(node, "lastChanged"));
			if (node.has("lastAccessed")) {
				secret.accessed(instant(node, "lastAccessed"));
			}
			if (node.has("deletionDate")) {
				secret.scheduleDeletion(instant(node, "deletedOn"), instant(node, "deletionDate"));
			}
			secret.rotationEnabled(node.path("rotationEnabled").asBoolean(false));
			secret.rotationLambdaArn(text(node, "rotationLambdaArn"));
			JsonNode rules = node.get("rotationRules");
			if (rules != null) {
				secret.rotationRules(new RotationSettings(rules.has("days") ? rules.get("days").longValue() : null,
						text(rules, "expression"), text(rules, "duration")));
			}
			secret.lastRotated(node.has("lastRotated") ? instant(node, "lastRotated") : null);
			secret.nextRotation(node.has("nextRotation") ? instant(node, "nextRotation") : null);
			for (JsonNode tag : node.path("tags")) {
				secret.tags().add(new Tag(tag.get("key").stringValue(), tag.get("value").stringValue()));
			}
			for (Map.Entry<String, JsonNode> replica : node.path("replicaRegions").properties()) {
				secret.replicaRegions().put(replica.getKey(), Instant.parse(replica.getValue().stringValue()));
			}
			for (JsonNode v : node.path("versions")) {
				SecretValue value = v.has("string") ? SecretValue.ofString(v.get("string").stringValue())
						: v.has("binary") ? SecretValue.ofBinary(Base64.getDecoder().decode(v.get("binary").stringValue()))
								: null;
				SecretVersion version = new SecretVersion(v.get("id").stringValue(), value, instant(v, "created"));
				if (v.has("lastAccessed")) {
					version.accessed(instant(v, "lastAccessed"));
				}
				v.path("stages").forEach((s) -> version.stages().add(s.stringValue()));
				secret.versions().put(version.id(), version);
			}
			if (node.has("primaryRegion")) {
				replicas.add(node);
			}
			store.add(secret);
		}
		for (JsonNode node : replicas) {
			String name = node.get("name").stringValue();
			Secret replica = store.find(node.get("region").stringValue(), name).orElseThrow();
			store.find(node.get("primaryRegion").stringValue(), name).ifPresent(replica::primary);
		}
	}

	private static void time(ObjectNode node, String name, @Nullable Instant value) {
		if (value != null) {
			node.put(name, value.toString());
		}
	}

	private static Instant instant(JsonNode node, String name) {
		return Instant.parse(node.get(name).stringValue());
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value == null || value.isNull()) ? null : value.stringValue();
	}

}
