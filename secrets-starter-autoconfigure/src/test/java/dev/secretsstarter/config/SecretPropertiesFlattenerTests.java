package dev.secretsstarter.config;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.secretsstarter.cache.MalformedSecretException;
import dev.secretsstarter.cache.SecretSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class SecretPropertiesFlattenerTests {

	private static SecretSnapshot string(String name, String value) {
		return SecretSnapshot.ofString(name, "arn:" + name, "v1", Set.of("AWSCURRENT"), null, Instant.EPOCH, value);
	}

	@Test
	void topLevelKeysOfAJsonObjectBecomeProperties() {
		assertThat(SecretPropertiesFlattener.flatten(string("db/credentials", "{\"user\":\"app\",\"port\":5432}"), ""))
			.containsExactly(entry("user", "app"), entry("port", "5432"));
	}

	@Test
	void nestedObjectsAndArraysAreFlattened() {
		Map<String, Object> properties = SecretPropertiesFlattener
			.flatten(string("x", "{\"db\":{\"hosts\":[\"a\",\"b\"],\"tls\":{\"on\":true}},\"none\":null}"), "");
		assertThat(properties).containsExactly(entry("db.hosts[0]", "a"), entry("db.hosts[1]", "b"),
				entry("db.tls.on", "true"), entry("none", ""));
	}

	@Test
	void prefixIsPrependedToEveryProperty() {
		assertThat(SecretPropertiesFlattener.flatten(string("x", "{\"user\":\"app\"}"), "db."))
			.containsExactly(entry("db.user", "app"));
	}

	@Test
	void plainTextIsOnePropertyNamedAfterTheLastNameSegment() {
		assertThat(SecretPropertiesFlattener.flatten(string("prod/api/token", "s3cr3t"), ""))
			.containsExactly(entry("token", "s3cr3t"));
	}

	@Test
	void jsonThatIsNotAnObjectIsPlainText() {
		assertThat(SecretPropertiesFlattener.flatten(string("prod/list", "[1,2]"), ""))
			.containsExactly(entry("list", "[1,2]"));
	}

	@Test
	void binaryIsOnePropertyWithTheRawBytes() {
		SecretSnapshot binary = SecretSnapshot.ofBinary("certs/keystore", "arn", "v1", Set.of(), null, Instant.EPOCH,
				new byte[] { 1, 2, 3 });
		assertThat(SecretPropertiesFlattener.flatten(binary, "tls.")).containsOnlyKeys("tls.keystore");
		assertThat((byte[]) SecretPropertiesFlattener.flatten(binary, "").get("keystore")).containsExactly(1, 2, 3);
	}

	@Test
	void malformedJsonObjectFailsWithoutShowingTheValue() {
		assertThatExceptionOfType(MalformedSecretException.class)
			.isThrownBy(() -> SecretPropertiesFlattener.flatten(string("db/credentials", "{\"password\":\"hunter2"), ""))
			.withMessageContaining("db/credentials")
			.withMessageContaining("line 1")
			.withMessageNotContaining("hunter2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"n\":1,\"big\":12345678901234567890123,\"neg\":-0,\"long\":9007199254740993}",
			"{\"f\":1.50,\"e\":1e10,\"small\":-2.5E-3,\"precise\":0.1000000000000000055511151231257827}",
			"{\"t\":true,\"f\":false,\"s\":\"a\\\"b\\u00e9\",\"empty\":{},\"none\":[]}",
			"{\"a\":{\"x\":1},\"b\":2,\"a\":{\"y\":3}}", "{\"a\":[[1,2],[{\"b\":null}]]}" })
	void valuesAreWhatAJacksonTreeGives(String json) {
		assertThat(SecretPropertiesFlattener.flatten(string("x", json), "")).containsExactlyEntriesOf(viaTree(json));
	}

	@Test
	void contentAfterTheObjectIsMalformed() {
		assertThatExceptionOfType(MalformedSecretException.class)
			.isThrownBy(() -> SecretPropertiesFlattener.flatten(string("x", "{\"a\":1} {\"b\":2}"), ""))
			.withMessageContaining("line 1");
	}

	/** The reference the streaming reader must match: JsonMapper.readTree, flattened. */
	private static Map<String, Object> viaTree(String json) {
		Map<String, Object> properties = new LinkedHashMap<>();
		JsonMapper.shared().readTree(json).properties().forEach((e) -> viaTree(e.getKey(), e.getValue(), properties));
		return properties;
	}

	private static void viaTree(String name, JsonNode node, Map<String, Object> properties) {
		if (node.isObject()) {
			node.properties().forEach((e) -> viaTree(name + "." + e.getKey(), e.getValue(), properties));
		}
		else if (node.isArray()) {
			int index = 0;
			for (JsonNode element : node.values()) {
				viaTree(name + "[" + index++ + "]", element, properties);
			}
		}
		else {
			properties.put(name, node.isNull() ? "" : node.asString());
		}
	}

}
