package dev.secretsstarter.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/reference/properties.md} is generated from the configuration metadata the
 * annotation processor writes, so the reference cannot drift from the code. This test renders it
 * and fails when the file differs; {@code -Dsecrets.docs.write=true} rewrites the file instead.
 */
class ConfigurationPropertiesDocumentationTests {

	static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	static final Path REFERENCE = Path.of("../docs/reference/properties.md");

	static final String REGENERATE = "./mvnw -pl secrets-starter-autoconfigure -am verify "
			+ "-Dtest=ConfigurationPropertiesDocumentationTests -Dsurefire.failIfNoSpecifiedTests=false "
			+ "-Dsecrets.docs.write=true";

	private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

	static {
		SECTIONS.put("secrets", "Connection (`secrets.*`)");
		SECTIONS.put("secrets.credentials", "Credentials (`secrets.credentials.*`)");
		SECTIONS.put("secrets.client", "SDK client (`secrets.client.*`)");
		SECTIONS.put("secrets.cache", "Cache (`secrets.cache.*`)");
		SECTIONS.put("secrets.refresh", "Rotation detection and refresh (`secrets.refresh.*`)");
		SECTIONS.put("secrets.datasource", "DataSource credentials (`secrets.datasource.*`)");
		SECTIONS.put("secrets.metrics", "Metrics (`secrets.metrics.*`)");
		SECTIONS.put("secrets.local", "Local mode (`secrets.local.*`)");
		SECTIONS.put("management.endpoint.secrets", "Actuator endpoint (`management.endpoint.secrets.*`)");
	}

	@Test
	void propertiesReferenceMatchesTheConfigurationMetadata() throws IOException {
		String rendered = render(JsonMapper.builder().build().readTree(Files.readString(METADATA)));
		if (Boolean.getBoolean("secrets.docs.write")) {
			Files.writeString(REFERENCE, rendered);
		}
		assertThat(Files.exists(REFERENCE)).as("docs/reference/properties.md exists; create it with: %s", REGENERATE)
			.isTrue();
		assertThat(Files.readString(REFERENCE))
			.as("docs/reference/properties.md is generated from the configuration metadata and is out of date. "
					+ "Regenerate it with: %s", REGENERATE)
			.isEqualTo(rendered);
	}

	static String render(JsonNode metadata) {
		Map<String, List<JsonNode>> bySection = new LinkedHashMap<>();
		SECTIONS.keySet().forEach((section) -> bySection.put(section, new ArrayList<>()));
		List<JsonNode> properties = new ArrayList<>();
		metadata.get("properties").forEach(properties::add);
		properties.sort((a, b) -> a.get("name").asString().compareTo(b.get("name").asString()));
		for (JsonNode property : properties) {
			bySection.computeIfAbsent(section(property.get("name").asString()), (key) -> new ArrayList<>()).add(property);
		}
		StringBuilder out = new StringBuilder();
		out.append("# Configuration properties\n\n");
		out.append("<!-- GENERATED from secrets-starter-autoconfigure's configuration metadata by\n");
		out.append("     ConfigurationPropertiesDocumentationTests. Do not edit: change the Javadoc of the\n");
		out.append("     @ConfigurationProperties field, then run\n");
		out.append("     " + REGENERATE + " -->\n\n");
		out.append("Every property the starter reads, with its type and default: its own live under `secrets.*`;\n");
		out.append("the actuator endpoint's are Spring Boot's usual `management.endpoint.secrets.*`.\n");
		out.append("Guides: [local mode](../guides/local-mode.md), [config import](../guides/config-import.md),\n");
		out.append("[cache](cache.md), [client](client.md).\n");
		bySection.forEach((section, entries) -> {
			if (entries.isEmpty()) {
				return;
			}
			out.append("\n## ").append(SECTIONS.getOrDefault(section, "`" + section + ".*`")).append("\n\n");
			out.append("| Property | Type | Default | Description |\n");
			out.append("| --- | --- | --- | --- |\n");
			for (JsonNode property : entries) {
				out.append("| `").append(property.get("name").asString()).append("` | ");
				out.append(type(property.path("type").asString(""))).append(" | ");
				out.append(defaultValue(property.get("defaultValue"))).append(" | ");
				out.append(cell(property.path("description").asString(""))).append(" |\n");
			}
		});
		return out.toString();
	}

	private static String section(String name) {
		String parent = name.substring(0, name.lastIndexOf('.'));
		while (!SECTIONS.containsKey(parent) && parent.indexOf('.') != parent.lastIndexOf('.')) {
			parent = parent.substring(0, parent.lastIndexOf('.'));
		}
		return parent;
	}

	private static String type(String type) {
		String simple = type.replaceAll("(?:[a-z0-9]+\\.)+([A-Z])", "$1").replace('$', '.');
		return simple.isEmpty() ? "" : "`" + simple + "`";
	}

	private static String defaultValue(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			return value.isEmpty() ? "" : "`" + value + "`";
		}
		return "`" + value.asString() + "`";
	}

	private static String cell(String text) {
		return text.replace("\r", "").replace("\n", " ").replace("|", "\\|");
	}

}
