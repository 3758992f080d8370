package dev.secretsstarter.config;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import dev.secretsstarter.cache.MalformedSecretException;
import dev.secretsstarter.cache.SecretSnapshot;
import org.junit.jupiter.api.Test;

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

}
