package dev.secretsstarter.local.protocol;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON codec of the AWS JSON 1.1 protocol: one shared mapper and the timestamp format (epoch
 * seconds with a fraction). Thread-safe.
 */
public final class Json {

	public static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	/** Puts {@code value} as epoch seconds, omitting the member when it is null like the service does. */
	public static void putTime(ObjectNode node, String name, @Nullable Instant value) {
		if (value != null) {
			node.put(name, BigDecimal.valueOf(value.toEpochMilli()).movePointLeft(3));
		}
	}

	public static void putIfNotNull(ObjectNode node, String name, @Nullable String value) {
		if (value != null) {
			node.put(name, value);
		}
	}

}
