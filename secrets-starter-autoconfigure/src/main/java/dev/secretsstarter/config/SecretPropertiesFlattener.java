package dev.secretsstarter.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.secretsstarter.cache.MalformedSecretException;
import dev.secretsstarter.cache.SecretSnapshot;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 *
 * @author secrets-starter team
 */
public final class SecretPropertiesFlattener {

	private static final JsonMapper json = JsonMapper.shared();

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
			JsonNode root = parse(snapshot, value);
			root.properties().forEach((entry) -> flatten(prefix + entry.getKey(), entry.getValue(), properties));
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

	private static JsonNode parse(SecretSnapshot snapshot, String value) {
		try {
			JsonNode root = json.readTree(value);
			if (root == null || !root.isObject()) {
				throw malformed(snapshot, "it is not a JSON object");
			}
			return root;
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			String where = (location != null)
					? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
			// Jackson's own message quotes the input: never use it.
			throw malformed(snapshot, "it starts like a JSON object but is not well-formed JSON" + where);
		}
	}

	private static MalformedSecretException malformed(SecretSnapshot snapshot, String problem) {
		return new MalformedSecretException(snapshot.name(), "The value of secret '" + snapshot.name()
				+ "' (version " + snapshot.versionId() + ") cannot be imported: " + problem
				+ ". Fix the value with PutSecretValue (a JSON object, or text that does not start with '{').");
	}

	private static void flatten(String name, JsonNode node, Map<String, Object> properties) {
		if (node.isObject()) {
			node.properties().forEach((entry) -> flatten(name + "." + entry.getKey(), entry.getValue(), properties));
		}
		else if (node.isArray()) {
			int index = 0;
			for (JsonNode element : node.values()) {
				flatten(name + "[" + index++ + "]", element, properties);
			}
		}
		else if (node.isNull()) {
			properties.put(name, "");
		}
		else {
			properties.put(name, node.asString());
		}
	}

}
