package dev.secretsstarter.local.ops;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import dev.secretsstarter.local.protocol.ApiCall;
import dev.secretsstarter.local.protocol.Dispatcher;
import dev.secretsstarter.local.protocol.Json;
import dev.secretsstarter.local.protocol.JsonInput;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.SecretVersion;
import dev.secretsstarter.local.store.ServiceError;
import dev.secretsstarter.local.store.Stages;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ListSecrets, ListSecretVersionIds and BatchGetSecretValue. Stateless; runs under the store lock.
 */
public final class ListOperations {

	private static final int BATCH_LIMIT = 20;

	private final SecretStore store;

	public ListOperations(SecretStore store) {
		this.store = store;
	}

	public void register(Dispatcher dispatcher) {
		dispatcher.register("ListSecrets", this::listSecrets);
		dispatcher.register("ListSecretVersionIds", this::listSecretVersionIds);
		dispatcher.register("BatchGetSecretValue", this::batchGetSecretValue);
	}

	private ObjectNode listSecrets(ApiCall call) {
		JsonInput in = call.input();
		SecretFilters filters = SecretFilters.from(in);
		boolean includeDeleted = in.bool("IncludePlannedDeletion", false);
		List<Secret> secrets = this.store.all(call.region())
			.stream()
			.filter((s) -> includeDeleted || !s.markedForDeletion())
			.filter(filters)
			.sorted(order(in))
			.toList();
		ObjectNode response = Json.object();
		ArrayNode list = response.putArray("SecretList");
		for (Secret secret : Pages.from(in, 100, 100).page(secrets, response)) {
			list.add(Views.describe(secret, "SecretVersionsToStages"));
		}
		return response;
	}

	private static Comparator<Secret> order(JsonInput in) {
		String sortBy = java.util.Objects.requireNonNullElse(in.string("SortBy"), "created-date");
		Comparator<Secret> comparator = switch (sortBy) {
			case "created-date" -> Comparator.comparing(Secret::created);
			case "last-changed-date" -> Comparator.comparing(Secret::lastChanged);
			case "last-accessed-date" -> Comparator.comparing((Secret s) -> s.lastAccessed(),
					Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
			case "name" -> Comparator.comparing(Secret::name);
			default -> throw ServiceError.invalidParameter("SortBy must be created-date, last-accessed-date, last-changed-date or name.");
		};
		comparator = comparator.thenComparing(Secret::name);
		String sortOrder = java.util.Objects.requireNonNullElse(in.string("SortOrder"), "asc");
		return switch (sortOrder) {
			case "asc" -> comparator;
			case "desc" -> comparator.reversed();
			default -> throw ServiceError.invalidParameter("SortOrder must be asc or desc.");
		};
	}

	private ObjectNode listSecretVersionIds(ApiCall call) {
		JsonInput in = call.input();
		Secret secret = this.store.require(call.region(), in.requireString("SecretId"));
		boolean includeDeprecated = in.bool("IncludeDeprecated", false);
		List<SecretVersion> versions = secret.versions()
			.values()
			.stream()
			.filter((v) -> includeDeprecated || !v.deprecated())
			.sorted(Comparator.comparing(SecretVersion::created).reversed())
			.toList();
		ObjectNode response = Views.arnAndName(secret);
		ArrayNode list = response.putArray("Versions");
		for (SecretVersion version : Pages.from(in, 100, 100).page(versions, response)) {
			ObjectNode entry = list.addObject();
			entry.put("VersionId", version.id());
			ArrayNode stages = entry.putArray("VersionStages");
			version.stages().forEach(stages::add);
			Json.putTime(entry, "LastAccessedDate", version.lastAccessed());
			Json.putTime(entry, "CreatedDate", version.created());
		}
		return response;
	}

	private ObjectNode batchGetSecretValue(ApiCall call) {
		JsonInput in = call.input();
		List<String> ids = in.stringList("SecretIdList");
		SecretFilters filters = SecretFilters.from(in);
		if ((ids == null) == filters.isEmpty()) {
			throw ServiceError.invalidParameter("Specify either SecretIdList or Filters, not both.");
		}
		ObjectNode response = Json.object();
		ArrayNode values = response.putArray("SecretValues");
		ArrayNode errors = response.putArray("Errors");
		if (ids != null) {
			if (ids.size() > BATCH_LIMIT) {
				throw ServiceError.invalidParameter("SecretIdList can name at most " + BATCH_LIMIT + " secrets.");
			}
			if (in.has("MaxResults")) {
				throw ServiceError.invalidParameter("MaxResults can only be used with Filters.");
			}
			for (String id : ids) {
				addValue(call, id, values, errors);
			}
			return response;
		}
		List<Secret> secrets = this.store.all(call.region())
			.stream()
			.filter((s) -> !s.markedForDeletion())
			.filter(filters)
			.sorted(Comparator.comparing(Secret::created).thenComparing(Secret::name))
			.toList();
		for (Secret secret : Pages.from(in, BATCH_LIMIT, BATCH_LIMIT).page(secrets, response)) {
			addValue(call, secret.arn(), values, errors);
		}
		return response;
	}

	private void addValue(ApiCall call, String id, ArrayNode values, ArrayNode errors) {
		try {
			Secret secret = this.store.require(call.region(), id);
			if (secret.markedForDeletion()) {
				throw ServiceError.markedForDeletion(secret.name());
			}
			SecretVersion version = ValueOperations.select(secret, null, Stages.CURRENT);
			version.accessed(call.now());
			secret.accessed(call.now());
			values.add(Views.value(secret, version));
		}
		catch (ServiceError ex) {
			// One bad id must not fail the whole batch: the service reports it beside the values.
			errors.addObject().put("SecretId", id).put("ErrorCode", ex.type()).put("Message", ex.getMessage());
		}
	}

}
