package dev.secretsstarter.local.protocol;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.secretsstarter.local.store.ServiceError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Typed, checked access to a request's JSON members. A member of the wrong JSON type answers
 * {@code SerializationException}, as the service does; a missing required member answers
 * {@code InvalidParameterException}. Immutable.
 */
public final class JsonInput {

	private final JsonNode node;

	public JsonInput(JsonNode node) {
		if (!node.isObject()) {
			throw ServiceError.serialization("Expected a JSON object as the request body.");
		}
		this.node = node;
	}

	private @Nullable JsonNode member(String name) {
		JsonNode value = this.node.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

	public boolean has(String name) {
		return member(name) != null;
	}

	public @Nullable String string(String name) {
		JsonNode value = member(name);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw wrongType(name, "a string");
		}
		return value.stringValue();
	}

	public String requireString(String name) {
		String value = string(name);
		if (value == null) {
			throw ServiceError.invalidParameter("The parameter " + name + " is required.");
		}
		return value;
	}

	public @Nullable Integer integer(String name) {
		JsonNode value = member(name);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw wrongType(name, "an integer");
		}
		return value.intValue();
	}

	public @Nullable Long longValue(String name) {
		JsonNode value = member(name);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw wrongType(name, "an integer");
		}
		return value.longValue();
	}

	public @Nullable Boolean bool(String name) {
		JsonNode value = member(name);
		if (value == null) {
			return null;
		}
		if (!value.isBoolean()) {
			throw wrongType(name, "a boolean");
		}
		return value.booleanValue();
	}

	public boolean bool(String name, boolean defaultValue) {
		Boolean value = bool(name);
		return (value != null) ? value : defaultValue;
	}

	public byte @Nullable [] binary(String name) {
		String value = string(name);
		if (value == null) {
			return null;
		}
		try {
			return Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw ServiceError.serialization("The member " + name + " is not valid base64.");
		}
	}

	public @Nullable JsonInput object(String name) {
		JsonNode value = member(name);
		if (value == null) {
			return null;
		}
		if (!value.isObject()) {
			throw wrongType(name, "an object");
		}
		return new JsonInput(value);
	}

	/** @return the list, or {@code null} when absent */
	public @Nullable List<String> stringList(String name) {
		JsonNode value = member(name);
		if (value == null) {
			return null;
		}
		if (!value.isArray()) {
			throw wrongType(name, "a list");
		}
		List<String> list = new ArrayList<>();
		for (JsonNode item : value) {
			if (!item.isString()) {
				throw wrongType(name, "a list of strings");
			}
			list.add(item.stringValue());
		}
		return list;
	}

	/** @return the list, empty when absent */
	public List<JsonInput> objectList(String name) {
		JsonNode value = member(name);
		if (value == null) {
			return List.of();
		}
		if (!value.isArray()) {
			throw wrongType(name, "a list");
		}
		List<JsonInput> list = new ArrayList<>();
		for (JsonNode item : value) {
			if (!item.isObject()) {
				throw wrongType(name, "a list of objects");
			}
			list.add(new JsonInput(item));
		}
		return list;
	}

	private static ServiceError wrongType(String name, String expected) {
		return ServiceError.serialization("The member " + name + " must be " + expected + ".");
	}

}
