package dev.secretsstarter.local.ops;

import java.util.Base64;
import java.util.Map;

import dev.secretsstarter.local.protocol.Json;
import dev.secretsstarter.local.store.RotationSettings;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.SecretValue;
import dev.secretsstarter.local.store.SecretVersion;
import dev.secretsstarter.local.store.Tag;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders store objects as the service's JSON shapes (DescribeSecret, SecretListEntry, secret values).
 * Stateless; callers hold the store lock.
 */
final class Views {

	private Views() {
	}

	/** The DescribeSecret response; {@code versionsField} is {@code SecretVersionsToStages} in ListSecrets. */
	static ObjectNode describe(Secret secret, String versionsField) {
		ObjectNode node = Json.object();
		node.put("ARN", secret.arn());
		node.put("Name", secret.name());
		// A replica shows its primary's metadata: replication copies it along with the versions.
		Secret source = (secret.primary() != null) ? secret.primary() : secret;
		Json.putIfNotNull(node, "Description", source.description());
		Json.putIfNotNull(node, "KmsKeyId", source.kmsKeyId());
		Json.putIfNotNull(node, "Type", source.type());
		// Absent when rotation was never configured; false once CancelRotateSecret turned it off,
		// when the Lambda and rules of the last configuration are still shown.
		if (secret.rotationEnabled() || secret.rotationLambdaArn() != null) {
			node.put("RotationEnabled", secret.rotationEnabled());
		}
		Json.putIfNotNull(node, "RotationLambdaARN", secret.rotationLambdaArn());
		if (secret.rotationRules() != null) {
			node.set("RotationRules", rules(secret.rotationRules()));
		}
		Json.putTime(node, "LastRotatedDate", secret.lastRotated());
		Json.putTime(node, "LastChangedDate", secret.lastChanged());
		Json.putTime(node, "LastAccessedDate", secret.lastAccessed());
		Json.putTime(node, "DeletedDate", secret.deletedOn());
		Json.putTime(node, "NextRotationDate", secret.rotationEnabled() ? secret.nextRotation() : null);
		Json.putTime(node, "CreatedDate", secret.created());
		if (!source.tags().isEmpty()) {
			node.set("Tags", tags(source));
		}
		ObjectNode versions = node.putObject(versionsField);
		for (SecretVersion version : secret.versions().values()) {
			if (!version.deprecated()) {
				ArrayNode stages = versions.putArray(version.id());
				version.stages().forEach(stages::add);
			}
		}
		if (secret.isReplica()) {
			node.put("PrimaryRegion", secret.primary().region());
		}
		else if (!secret.replicaRegions().isEmpty()) {
			node.put("PrimaryRegion", secret.region());
			node.set("ReplicationStatus", replicationStatus(secret));
		}
		return node;
	}

	static ArrayNode replicationStatus(Secret primary) {
		ArrayNode list = Json.MAPPER.createArrayNode();
		for (Map.Entry<String, java.time.Instant> replica : primary.replicaRegions().entrySet()) {
			ObjectNode status = list.addObject();
			status.put("Region", replica.getKey());
			status.put("KmsKeyId", "alias/aws/secretsmanager");
			status.put("Status", "InSync");
			status.put("StatusMessage", "Replication succeeded");
		}
		return list;
	}

	static ObjectNode rules(RotationSettings rules) {
		ObjectNode node = Json.object();
		if (rules.automaticallyAfterDays() != null) {
			node.put("AutomaticallyAfterDays", rules.automaticallyAfterDays());
		}
		Json.putIfNotNull(node, "ScheduleExpression", rules.scheduleExpression());
		Json.putIfNotNull(node, "Duration", rules.duration());
		return node;
	}

	static ArrayNode tags(Secret secret) {
		ArrayNode list = Json.MAPPER.createArrayNode();
		for (Tag tag : secret.tags()) {
			list.addObject().put("Key", tag.key()).put("Value", tag.value());
		}
		return list;
	}

	/** The GetSecretValue response (and a BatchGetSecretValue entry). */
	static ObjectNode value(Secret secret, SecretVersion version) {
		ObjectNode node = Json.object();
		node.put("ARN", secret.arn());
		node.put("Name", secret.name());
		node.put("VersionId", version.id());
		SecretValue value = version.value();
		if (value != null && value.string() != null) {
			node.put("SecretString", value.string());
		}
		else if (value != null && value.binary() != null) {
			node.put("SecretBinary", Base64.getEncoder().encodeToString(value.binary()));
		}
		ArrayNode stages = node.putArray("VersionStages");
		version.stages().forEach(stages::add);
		Json.putTime(node, "CreatedDate", version.created());
		return node;
	}

	static ObjectNode arnAndName(Secret secret) {
		ObjectNode node = Json.object();
		node.put("ARN", secret.arn());
		node.put("Name", secret.name());
		return node;
	}

}
