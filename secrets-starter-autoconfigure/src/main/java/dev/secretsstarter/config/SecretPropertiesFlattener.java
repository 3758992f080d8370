package dev.secretsstarter.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.secretsstarter.cache.MalformedSecretException;
import dev.secretsstarter.cache.SecretSnapshot;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Turns one secret snapshot into properties, the way Spring Cloud AWS names them, plus nested
 * flattening:
 * <ul>
 * <li>a JSON object: each top-level key is a property; nested objects become dotted keys
 * ({@code db.user}), arrays indexed keys ({@code hosts[0]}); scalars their text, JSON
 * {@code null} an empty string (as Boot's YAML loader does);</li>
 * <li>anything else that is a string (plain text, or JSON that is not an object): one property
 * named after the last {@code /}-segment of the secret's name, holding the string;</li>
 * <li>a binary secret: one property with that name holding the raw bytes.</li>
 * </ul>
 * A value that starts with <code>{</code> but is not well-formed JSON is an error: it is almost
 * surely a broken JSON secret, and taking it as plain text would hide that. The error gives the
 * line and column, never any part of the value. Stateless and thread-safe.
 * <p>
 * Reads with Jackson's streaming parser into plain maps and lists rather than with a databind
 * {@code JsonMapper}: initialising databind costs hundreds of milliseconds of start-up for an
 * application that imports secrets and uses Jackson nowhere else. The result is what
 * {@code JsonMapper.readTree} gives: a repeated key replaces the earlier value in its place,
 * numbers read as Jackson's tree reads them (integers exactly, fractions as doubles), trailing
 * content after the object is an error.
 *
 * @author secrets-starter team
 */
public final class SecretPropertiesFlattener {

	private static final JsonFactory json = new JsonFactory();

	/** JSON {@code null} in the tree (maps and lists do not hold {@code null} well). */
	private static final Object NULL = new Object();

	private SecretPropertiesFlattener() {
	}

	/**
	 * Flatten a snapshot into properties.
	 * @param snapshot the snapshot
	 * @param prefix prepended to every property name, may be empty
	 * @return the properties, in the secret's key order, unmodifiable
	 * @throws MalformedSecretException if the value looks like a JSON object but is not one
	 */
	public static Map<String, Object> flatten(SecretSnapshot snapshot, String prefix) {
		Map<String, Object> properties = new LinkedHashMap<>();
		String value = snapshot.stringValue();
		if (value == null) {
			properties.put(prefix + plainPropertyName(snapshot.name()), snapshot.bytes());
		}
		else if (value.stripLeading().startsWith("{")) {
			Map<String, Object> root = parse(snapshot, value);
			root.forEach((key, node) -> flatten(prefix + key, node, properties));
		}
		else {
			properties.put(prefix + plainPropertyName(snapshot.name()), value);
		}
		return Collections.unmodifiableMap(properties);
	}

	/**
	 * The property name of a plain-text or binary secret: the last {@code /}-segment of its name,
	 * as Spring Cloud AWS names it.
	 * @param secretName the secret name
	 * @return the property name
	 */
	public static String plainPropertyName(String secretName) {
		return secretName.substring(secretName.lastIndexOf('/') + 1);
	}

	private static Map<String, Object> parse(SecretSnapshot snapshot, String value) {
		try (JsonParser parser = json.createParser(ObjectReadContext.empty(), value)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw malformed(snapshot, "it is not a JSON object");
			}
			Map<String, Object> root = readObject(parser);
			if (parser.nextToken() != null) {
				throw malformed(snapshot, "it starts like a JSON object but is not well-formed JSON"
						+ where(parser.currentTokenLocation()));
			}
			return root;
		}
		catch (JacksonException ex) {
			// Jackson's own message quotes the input: never use it.
			throw malformed(snapshot, "it starts like a JSON object but is not well-formed JSON" + where(ex.getLocation()));
		}
	}

	private static String where(@Nullable TokenStreamLocation location) {
		return (location != null) ? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
	}

	private static Map<String, Object> readObject(JsonParser parser) {
		Map<String, Object> object = new LinkedHashMap<>();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			object.put(name, readValue(parser));
		}
		return object;
	}

	private static Object readValue(JsonParser parser) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.START_OBJECT) {
			return readObject(parser);
		}
		if (token == JsonToken.START_ARRAY) {
			List<Object> array = new ArrayList<>();
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				array.add(readValue(parser));
			}
			return array;
		}
		if (token == JsonToken.VALUE_NULL) {
			return NULL;
		}
		if (token == JsonToken.VALUE_NUMBER_FLOAT) {
			// As a tree's DoubleNode prints it.
			return String.valueOf(parser.getDoubleValue());
		}
		if (token == JsonToken.VALUE_NUMBER_INT) {
			// Integer, Long or BigInteger, as a tree's IntNode, LongNode or BigIntegerNode.
			return parser.getNumberValue().toString();
		}
		return parser.getString();
	}

	private static MalformedSecretException malformed(SecretSnapshot snapshot, String problem) {
		return new MalformedSecretException(snapshot.name(), "The value of secret '" + snapshot.name()
				+ "' (version " + snapshot.versionId() + ") cannot be imported: " + problem
				+ ". Fix the value with PutSecretValue (a JSON object, or text that does not start with '{').");
	}

	private static void flatten(String name, Object node, Map<String, Object> properties) {
		if (node instanceof Map<?, ?> object) {
			object.forEach((key, value) -> flatten(name + "." + key, value, properties));
		}
		else if (node instanceof List<?> array) {
			int index = 0;
			for (Object element : array) {
				flatten(name + "[" + index++ + "]", element, properties);
			}
		}
		else if (node == NULL) {
			properties.put(name, "");
		}
		else {
			properties.put(name, node);
		}
	}

}
