package dev.secretsstarter.core;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes secret values as JSON, turning Jackson failures into
 * {@link SecretConversionException}s that name the secret, the type and the JSON path, never
 * quoting the input (Jackson's own messages do).
 * <p>
 * Thread-safe.
 *
 * @author secrets-starter team
 */
final class SecretJson {

	private final JsonMapper jsonMapper;

	SecretJson(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	<T> T read(String secretId, String operation, VersionSelector version, String json, Class<T> type) {
		try {
			return this.jsonMapper.readValue(json, type);
		}
		catch (JacksonException ex) {
			throw new SecretConversionException("The value of secret '" + secretId + "' (" + version
					+ ") could not be read as " + type.getName() + ": " + ex.getClass().getSimpleName()
					+ describe(ex) + ". Store JSON whose fields match the type, or read it as String or Map.",
					secretId, operation, type);
		}
	}

	String write(String secretId, String operation, Object value) {
		try {
			return this.jsonMapper.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new SecretConversionException("The value for secret '" + secretId + "' could not be written as "
					+ "JSON from " + value.getClass().getName() + ": " + ex.getClass().getSimpleName() + describe(ex)
					+ ". Pass a record, a POJO with getters, or a Map.", secretId, operation, value.getClass());
		}
	}

	private static String describe(JacksonException ex) {
		StringBuilder description = new StringBuilder();
		String path = ex.getPathReference();
		if (path != null && !path.isEmpty()) {
			description.append(" at ").append(path);
		}
		TokenStreamLocation location = ex.getLocation();
		if (location != null && location.getLineNr() > 0) {
			description.append(" (line ").append(location.getLineNr()).append(", column ")
				.append(location.getColumnNr()).append(')');
		}
		return description.toString();
	}

}
