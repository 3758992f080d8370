package dev.secretsstarter.local.persist;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.secretsstarter.local.persist.SeedNode.Container;
import dev.secretsstarter.local.persist.SeedNode.Scalar;
import dev.secretsstarter.local.protocol.Json;
import dev.secretsstarter.local.store.SecretValue;
import dev.secretsstarter.local.store.ServiceError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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
 * A value is stored exactly as written: a scalar keeps its text ({@code 007}, {@code 1.50}), a map or
 * list becomes compact JSON whose numbers keep their text. What cannot be stored as written is refused
 * rather than changed: a name listed twice, a key written twice, an empty or null value, a number
 * inside a map that is not a JSON number. So is what would be ignored: a key the format does not know
 * (a typo such as {@code vaule}) in an entry or at the top level. The whole file is read and checked before anything is
 * returned, so a caller can seed all entries or none. Errors name the file, the secret and the line,
 * never a value. Stateless.
 */
public final class SeedFile {

	private static final YAMLMapper yaml = YAMLMapper.builder().build();

	private static final List<String> TOP_LEVEL_KEYS = List.of("secrets");

	private static final List<String> ENTRY_KEYS = List.of("name", "value", "string", "binary", "description", "tags");

	private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

	/**
	 * One secret to seed.
	 * @param name the name
	 * @param value the value
	 * @param description the description, if any
	 * @param tags the tags
	 * @param line the line of the entry in the file, for messages
	 */
	public record Entry(String name, SecretValue value, @Nullable String description, Map<String, String> tags,
			int line) {
	}

	private SeedFile() {
	}

	/**
	 * @return every entry of the file, checked
	 * @throws IllegalArgumentException naming the file, the secret and the fix when the file is invalid
	 * @throws UncheckedIOException when the file cannot be read
	 */
	public static List<Entry> read(Path file) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read seed file " + file, ex);
		}
		boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
		@Nullable SeedNode root;
		try (JsonParser parser = json ? Json.MAPPER.createParser(bytes) : yaml.createParser(bytes)) {
			root = SeedNode.read(parser);
		}
		catch (JacksonException ex) {
			// The line only: Jackson's message may quote the content, which holds values.
			String where = (ex.getLocation() != null) ? " (line " + ex.getLocation().getLineNr() + ")" : "";
			throw new IllegalArgumentException("Seed file " + file + " is not valid YAML/JSON" + where);
		}
		return new Checker(file).entries(root);
	}

	/** Turns the nodes of one file into entries, or refuses the file. */
	private static final class Checker {

		private final Path file;

		Checker(Path file) {
			this.file = file;
		}

		List<Entry> entries(@Nullable SeedNode root) {
			SeedNode secrets = (root instanceof Container object && object.isObject()) ? object.fields().get("secrets")
					: null;
			if (!(secrets instanceof Container list) || list.isObject()) {
				throw new IllegalArgumentException("Seed file " + this.file + " must have a top-level 'secrets' list");
			}
			checkNoDuplicateKey((Container) root, "the top level");
			checkOnlyKnownKeys((Container) root, "Seed file " + this.file + ": the top level", TOP_LEVEL_KEYS);
			List<Entry> entries = new ArrayList<>();
			Map<String, Entry> byName = new HashMap<>();
			for (int i = 0; i < list.items().size(); i++) {
				Entry entry = entry(i + 1, list.items().get(i));
				Entry earlier = byName.putIfAbsent(entry.name(), entry);
				if (earlier != null) {
					throw new IllegalArgumentException("Seed file " + this.file + ": secret '" + entry.name()
							+ "' is listed twice, at line " + earlier.line() + " and line " + entry.line()
							+ "; a name may appear once per file. Keep one of the two entries (to test a new "
							+ "version, write it from the test, e.g. with PutSecretValue).");
				}
				entries.add(entry);
			}
			return List.copyOf(entries);
		}

		private Entry entry(int number, SeedNode node) {
			if (!(node instanceof Container entry) || !entry.isObject()) {
				throw new IllegalArgumentException("Seed file " + this.file + ": entry " + number + " (line "
						+ node.line() + ") must be a map with 'name' and one of 'value', 'string' or 'binary'");
			}
			String name = (entry.fields().get("name") instanceof Scalar scalar && !scalar.isNull()
					&& !scalar.text().isEmpty()) ? scalar.text() : null;
			String where = "Seed file " + this.file + ": "
					+ ((name != null) ? "secret '" + name + "'" : "entry " + number) + " (line " + entry.line() + ")";
			// Before the checks of what is missing: a misspelled key ('vaule') is the likelier cause.
			checkOnlyKnownKeys(entry, where, ENTRY_KEYS);
			if (name == null) {
				throw new IllegalArgumentException(where + " needs a 'name'");
			}
			checkNoDuplicateKey(entry, where);
			int kinds = (entry.fields().containsKey("value") ? 1 : 0) + (entry.fields().containsKey("string") ? 1 : 0)
					+ (entry.fields().containsKey("binary") ? 1 : 0);
			if (kinds != 1) {
				throw new IllegalArgumentException(where + " needs exactly one of 'value', 'string' or 'binary'");
			}
			SecretValue value;
			try {
				value = entry.fields().containsKey("binary") ? binary(where, entry.fields().get("binary"))
						: string(where, entry.fields().containsKey("value") ? "value" : "string", entry);
			}
			catch (ServiceError ex) {
				// The size limit: the message names the limit, not the value.
				throw new IllegalArgumentException(where + ": " + ex.getMessage());
			}
			return new Entry(name, value, description(where, entry.fields().get("description")),
					tags(where, entry.fields().get("tags")), entry.line());
		}

		private SecretValue string(String where, String key, Container entry) {
			SeedNode node = entry.fields().get(key);
			if (node instanceof Container container) {
				return SecretValue.ofString(json(where, key, container));
			}
			Scalar scalar = (Scalar) node;
			if (scalar.isNull()) {
				throw new IllegalArgumentException(where + " has an empty or null '" + key
						+ "': write the secret's value, and quote it (\"null\") if the value is that word");
			}
			if (scalar.token() == JsonToken.VALUE_EMBEDDED_OBJECT) {
				throw new IllegalArgumentException(where + ": '" + key + "' is tagged binary; write the bytes as "
						+ "base64 under 'binary' instead");
			}
			if (scalar.text().isEmpty()) {
				throw new IllegalArgumentException(where + " has an empty '" + key + "': write the secret's value");
			}
			return SecretValue.ofString(scalar.text());
		}

		private SecretValue binary(String where, @Nullable SeedNode node) {
			if (!(node instanceof Scalar scalar) || scalar.token() != JsonToken.VALUE_STRING || scalar.text().isEmpty()) {
				throw new IllegalArgumentException(where + ": 'binary' must be non-empty base64 text");
			}
			try {
				return SecretValue.ofBinary(Base64.getDecoder().decode(scalar.text()));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(where + ": 'binary' is not valid base64");
			}
		}

		private @Nullable String description(String where, @Nullable SeedNode node) {
			if (node == null || (node instanceof Scalar scalar && scalar.isNull())) {
				return null;
			}
			if (!(node instanceof Scalar scalar)) {
				throw new IllegalArgumentException(where + ": 'description' must be text");
			}
			return scalar.text();
		}

		private Map<String, String> tags(String where, @Nullable SeedNode node) {
			Map<String, String> tags = new LinkedHashMap<>();
			if (node == null || (node instanceof Scalar scalar && scalar.isNull())) {
				return tags;
			}
			if (!(node instanceof Container map) || !map.isObject()) {
				throw new IllegalArgumentException(where + ": 'tags' must be a map of tag keys to values");
			}
			checkNoDuplicateKey(map, where + ", in 'tags',");
			map.fields().forEach((key, tag) -> {
				if (!(tag instanceof Scalar scalar)) {
					throw new IllegalArgumentException(where + ": tag '" + key + "' must have a text value");
				}
				tags.put(key, scalar.text());
			});
			return tags;
		}

		/** Compact JSON: keys in file order, strings and numbers as written. */
		private String json(String where, String key, Container container) {
			StringWriter out = new StringWriter();
			try (JsonGenerator generator = Json.MAPPER.createGenerator(out)) {
				write(where, key, container, generator);
			}
			return out.toString();
		}

		private void write(String where, String path, SeedNode node, JsonGenerator generator) {
			if (node instanceof Container container) {
				checkNoDuplicateKey(container, where + ", in '" + path + "',");
				if (container.isObject()) {
					generator.writeStartObject();
					container.fields().forEach((name, child) -> {
						generator.writeName(name);
						write(where, path + "." + name, child, generator);
					});
					generator.writeEndObject();
				}
				else {
					generator.writeStartArray();
					for (int i = 0; i < container.items().size(); i++) {
						write(where, path + "[" + i + "]", container.items().get(i), generator);
					}
					generator.writeEndArray();
				}
				return;
			}
			Scalar scalar = (Scalar) node;
			switch (scalar.token()) {
				case VALUE_STRING -> generator.writeString(scalar.text());
				case VALUE_TRUE, VALUE_FALSE -> generator.writeBoolean(scalar.token() == JsonToken.VALUE_TRUE);
				case VALUE_NULL -> generator.writeNull();
				case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
					if (!JSON_NUMBER.matcher(scalar.text()).matches()) {
						throw new IllegalArgumentException(where + ": the number at '" + path + "' (line "
								+ scalar.line() + ") is not a JSON number and would be stored changed; quote it "
								+ "to keep it as text, or write it as a JSON number");
					}
					generator.writeNumber(scalar.text());
				}
				default -> throw new IllegalArgumentException(where + ": '" + path + "' (line " + scalar.line()
						+ ") cannot be stored in JSON; quote it, or use 'binary' with base64 for bytes");
			}
		}

		/** A key the format does not know would be ignored: most likely a typo of one it knows. */
		private static void checkOnlyKnownKeys(Container map, String where, List<String> allowed) {
			for (String key : map.fields().keySet()) {
				if (!allowed.contains(key)) {
					throw new IllegalArgumentException(where + " has the unknown key '" + key + "' (line "
							+ map.keyLines().get(key) + "), which would be ignored; the keys allowed there are "
							+ String.join(", ", allowed) + ". Correct or remove it.");
				}
			}
		}

		private void checkNoDuplicateKey(Container container, String where) {
			SeedNode.Duplicate duplicate = container.duplicate();
			if (duplicate != null) {
				String prefix = where.startsWith("Seed file") ? where : "Seed file " + this.file + ": " + where;
				throw new IllegalArgumentException(prefix + " writes the key '" + duplicate.key() + "' twice (line "
						+ duplicate.firstLine() + " and line " + duplicate.secondLine() + "), and only one would be "
						+ "kept; remove one of them");
			}
		}

	}

}
