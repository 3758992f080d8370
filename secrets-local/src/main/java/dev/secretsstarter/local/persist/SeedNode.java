package dev.secretsstarter.local.persist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A seed file as parsed, before any interpretation: unlike Jackson's tree model it keeps each
 * scalar's text as written ({@code 007}, {@code 1.50}), the line of every node, and a key written
 * twice in a map (which the tree model silently resolves to the last one). Immutable once read.
 */
sealed interface SeedNode permits SeedNode.Scalar, SeedNode.Container {

	/** @return the line the node starts on, 1-based */
	int line();

	/**
	 * Reads one document.
	 * @return the root, or {@code null} for an empty document
	 */
	static @Nullable SeedNode read(JsonParser parser) {
		JsonToken token = parser.nextToken();
		return (token != null) ? node(parser) : null;
	}

	private static SeedNode node(JsonParser parser) {
		JsonToken token = parser.currentToken();
		int line = parser.currentTokenLocation().getLineNr();
		if (token == JsonToken.START_OBJECT) {
			Map<String, SeedNode> fields = new LinkedHashMap<>();
			Map<String, Integer> keyLines = new HashMap<>();
			Duplicate duplicate = null;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String key = parser.currentName();
				int keyLine = parser.currentTokenLocation().getLineNr();
				parser.nextToken();
				SeedNode value = node(parser);
				Integer firstLine = keyLines.putIfAbsent(key, keyLine);
				if (firstLine != null) {
					duplicate = (duplicate != null) ? duplicate : new Duplicate(key, firstLine, keyLine);
					continue;
				}
				fields.put(key, value);
			}
			return new Container(true, fields, Map.copyOf(keyLines), List.of(), duplicate, line);
		}
		if (token == JsonToken.START_ARRAY) {
			List<SeedNode> items = new ArrayList<>();
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				items.add(node(parser));
			}
			return new Container(false, Map.of(), Map.of(), items, null, line);
		}
		String text = (token == JsonToken.VALUE_EMBEDDED_OBJECT) ? "" : parser.getString();
		return new Scalar(token, (text != null) ? text : "", line);
	}

	/**
	 * A scalar.
	 * @param token its type as the parser resolved it
	 * @param text its text exactly as written (empty for {@code value:} with nothing)
	 * @param line its line
	 */
	record Scalar(JsonToken token, String text, int line) implements SeedNode {

		boolean isNull() {
			return this.token == JsonToken.VALUE_NULL;
		}

		@Override
		public String toString() {
			// The text may be a secret value.
			return "Scalar[" + this.token + ", line " + this.line + "]";
		}

	}

	/**
	 * A map ({@code object}) or a list.
	 * @param isObject whether it is a map
	 * @param fields a map's entries in file order, each key's first occurrence
	 * @param keyLines the line of each key's first occurrence
	 * @param items a list's items
	 * @param duplicate the first key a map writes twice, if any
	 * @param line its line
	 */
	record Container(boolean isObject, Map<String, SeedNode> fields, Map<String, Integer> keyLines, List<SeedNode> items,
			@Nullable Duplicate duplicate, int line) implements SeedNode {
	}

	/**
	 * A key written twice in one map.
	 * @param key the key
	 * @param firstLine the line of its first occurrence
	 * @param secondLine the line of its second occurrence
	 */
	record Duplicate(String key, int firstLine, int secondLine) {
	}

}
