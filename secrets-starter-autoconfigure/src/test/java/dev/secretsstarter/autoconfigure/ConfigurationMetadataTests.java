package dev.secretsstarter.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata generated from {@link SecretsProperties}.
 */
class ConfigurationMetadataTests {

	@Test
	void describesEveryClientAndCredentialsProperty() throws IOException {
		Map<String, String> properties = secretsProperties();
		assertThat(properties).containsKeys("secrets.enabled", "secrets.region", "secrets.endpoint",
				"secrets.credentials.access-key", "secrets.credentials.secret-key",
				"secrets.credentials.session-token", "secrets.credentials.profile", "secrets.client.retry-mode",
				"secrets.client.max-attempts", "secrets.client.api-call-timeout",
				"secrets.client.api-call-attempt-timeout");
		properties.forEach((name, description) -> {
			if (name.startsWith("secrets.client.") || name.startsWith("secrets.credentials.")
					|| name.equals("secrets.region") || name.equals("secrets.endpoint")
					|| name.equals("secrets.enabled")) {
				assertThat(description).as(name).isNotBlank().doesNotContain("{@");
			}
		});
	}

	private static Map<String, String> secretsProperties() throws IOException {
		Map<String, String> properties = new LinkedHashMap<>();
		JsonMapper mapper = JsonMapper.builder().build();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : mapper.readTree(in).path("properties")) {
					String name = property.path("name").asString();
					if (name.startsWith("secrets.")) {
						properties.put(name, property.path("description").asString(""));
					}
				}
			}
		}
		return properties;
	}

}
