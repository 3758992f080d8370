package dev.secretsstarter.local.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.secretsstarter.local.protocol.Json;
import dev.secretsstarter.local.store.SecretValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a seed file (YAML, or JSON when the name ends in {@code .json}):
 *
 * <pre>
 * secrets:
 *   - name: db/credentials
 *     value: {username: app, password: dummy}   # a map is stored as its JSON
 *   - name: api/key
 *     string: dummy-key                         # or value: dummy-key
 *   - name: cert
 *     binary: ZHVtbXk=                          # base64
 *     description: A dummy certificate
 *     tags: {team: platform}
 * </pre>
 *
 * Errors name the file and the entry, never a value. Stateless.
 */
public final class SeedFile {

	private static final YAMLMapper yaml = YAMLMapper.builder().build();

	/**
	 * One secret to seed.
	 * @param name the name
	 * @param value the value
	 * @param description the description, if any
	 * @param tags the tags
	 */
	public record Entry(String name, SecretValue value, @Nullable String description, Map<String, String> tags) {
	}

	private SeedFile() {
	}

	public static List<Entry> read(Path file) {
		JsonNode root;
		try {
			byte[] bytes = Files.readAllBytes(file);
			boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
			root = json ? Json.MAPPER.readTree(bytes) : yaml.readTree(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read seed file " + file, ex);
		}
		catch (JacksonException ex) {
			// The line only: Jackson's message may quote the content, which holds values.
			String where = (ex.getLocation() != null) ? " (line " + ex.getLocation().getLineNr() + ")" : "";
			throw new IllegalArgumentException("Seed file " + file + " is not valid YAML/JSON" + where);
		}
		JsonNode secrets = (root != null) ? root.get("secrets") : null;
		if (secrets == null || !secrets.isArray()) {
			throw new IllegalArgumentException("Seed file " + file + " must have a top-level 'secrets' list");
		}
		List<Entry> entries = new ArrayList<>();
		int index = 0;
		for (JsonNode node : secrets) {
			entries.add(entry(file, index++, node));
		}
		return entries;
	}

	private static Entry entry(Path file, int index, JsonNode node) {
		JsonNode name = node.get("name");
		if (name == null || !name.isString()) {
			throw new IllegalArgumentException("Seed file " + file + ": entry " + index + " needs a 'name'");
		}
		String where = "Seed file " + file + ": secret " + name.stringValue();
		int kinds = (node.has("value") ? 1 : 0) + (node.has("string") ? 1 : 0) + (node.has("binary") ? 1 : 0);
		if (kinds != 1) {
			throw new IllegalArgumentException(where + " needs exactly one of 'value', 'string' or 'binary'");
		}
		SecretValue value;
		if (node.has("binary")) {
			try {
				value = SecretValue.ofBinary(Base64.getDecoder().decode(node.get("binary").asString()));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(where + ": 'binary' is not valid base64");
			}
		}
		else {
			JsonNode raw = node.has("value") ? node.get("value") : node.get("string");
			value = SecretValue.ofString(raw.isContainer() ? Json.MAPPER.writeValueAsString(raw) : raw.asString());
		}
		Map<String, String> tags = new LinkedHashMap<>();
		node.path("tags").properties().forEach((e) -> tags.put(e.getKey(), e.getValue().asString()));
		JsonNode description = node.get("description");
		return new Entry(name.stringValue(), value, (description != null) ? description.asString() : null, tags);
	}

}
