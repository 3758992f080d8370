package dev.secretsstarter.inject;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.ResolvableType;

import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.inject.SecretInjectionException.Reason;
import dev.secretsstarter.inject.SecretInjectionSite.Kind;
import dev.secretsstarter.inject.SecretInjectionSite.Wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SecretValueConverterTests {

	private static final String MARKER = "s3cr3t-MARKER";

	private static final String JSON = """
			{"username":"app","password":"%s","port":"5432","timeout":"30s",
			 "db":{"password":"%s","hosts":["h1","h2"]},"a.b":"dotted","empty":null}""".formatted(MARKER, MARKER);

	private final SecretValueConverter converter = new SecretValueConverter(JsonMapper.shared(),
			ApplicationConversionService.getSharedInstance());

	@Test
	void wholeStringSecretConvertsToString() {
		assertThat(convert("plain", null, String.class)).isEqualTo("plain");
	}

	@Test
	void wholeStringSecretConvertsToCharArray() {
		assertThat(convert("plain", null, char[].class)).isEqualTo("plain".toCharArray());
	}

	@Test
	void binarySecretConvertsToBytes() {
		SecretSnapshot snapshot = SecretSnapshot.ofBinary("s", "arn:s", "v1", Set.of("AWSCURRENT"), null,
				Instant.EPOCH, new byte[] { 1, 2, 3 });
		assertThat(this.converter.convert(site(null, ResolvableType.forClass(byte[].class)), snapshot))
			.isEqualTo(new byte[] { 1, 2, 3 });
	}

	@Test
	void jsonKeyConvertsToStringBytes() {
		assertThat(convert(JSON, "username", byte[].class)).isEqualTo("app".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void jsonKeyConvertsToIntThroughConversionService() {
		assertThat(convert(JSON, "port", int.class)).isEqualTo(5432);
	}

	@Test
	void jsonKeyConvertsToDurationInBootFormat() {
		assertThat(convert(JSON, "timeout", Duration.class)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void dottedPathReachesNestedKey() {
		assertThat(convert(JSON, "db.password", String.class)).isEqualTo(MARKER);
	}

	@Test
	void indexReachesArrayElement() {
		assertThat(convert(JSON, "db.hosts[1]", String.class)).isEqualTo("h2");
	}

	@Test
	void topLevelKeyContainingDotsWinsOverPath() {
		assertThat(convert(JSON, "a.b", String.class)).isEqualTo("dotted");
	}

	@Test
	void jsonNullGivesNull() {
		assertThat(convert(JSON, "empty", String.class)).isNull();
	}

	@Test
	void jsonNullIntoAPrimitiveIsNotConvertibleNamingTheWrapperType() {
		assertThatExceptionOfType(SecretInjectionException.class).isThrownBy(() -> convert(JSON, "empty", int.class))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.NOT_CONVERTIBLE);
				assertThat(ex.getAction()).contains("Integer");
			})
			.withMessageContaining("key 'empty'")
			.withMessageContaining("int");
	}

	@Test
	void wholeJsonConvertsToRecord() {
		assertThat(convert(JSON, null, Credentials.class)).isEqualTo(new Credentials("app", MARKER, 5432));
	}

	@Test
	void nestedObjectConvertsToMap() {
		Object value = this.converter.convert(site("db", ResolvableType.forClassWithGenerics(Map.class,
				String.class, Object.class)), snapshot(JSON));
		assertThat(value).isEqualTo(Map.of("password", MARKER, "hosts", List.of("h1", "h2")));
	}

	@Test
	void objectKeyInjectedAsStringIsItsJson() {
		assertThat((String) convert(JSON, "db.hosts", String.class)).isEqualTo("[\"h1\",\"h2\"]");
	}

	@Test
	void missingKeyListsAvailableKeyNamesWithoutValues() {
		assertThatExceptionOfType(SecretInjectionException.class).isThrownBy(() -> convert(JSON, "pasword", String.class))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.KEY_NOT_FOUND))
			.withMessageContaining("'pasword'")
			.withMessageContaining("[username, password, port, timeout, db, a.b, empty]")
			.withMessageNotContaining(MARKER);
	}

	@Test
	void missingNestedKeyListsKeysAtThatLevel() {
		assertThatExceptionOfType(SecretInjectionException.class)
			.isThrownBy(() -> convert(JSON, "db.user", String.class))
			.withMessageContaining("under 'db'")
			.withMessageContaining("[password, hosts]")
			.withMessageNotContaining(MARKER);
	}

	@Test
	void indexOutOfRangeGivesArraySize() {
		assertThatExceptionOfType(SecretInjectionException.class)
			.isThrownBy(() -> convert(JSON, "db.hosts[5]", String.class))
			.withMessageContaining("array of 2 element(s)");
	}

	@Test
	void malformedJsonGivesLineAndColumnButNoContent() {
		String malformed = "{\n  \"password\": " + MARKER + "\n}";
		assertThatExceptionOfType(SecretInjectionException.class)
			.isThrownBy(() -> convert(malformed, "password", String.class))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.MALFORMED_JSON);
				assertThat(ex.getCause()).isNull();
			})
			.withMessageContaining("line 2, column")
			.withMessageNotContaining(MARKER);
	}

	@Test
	void contentAfterTheJsonValueIsMalformedJsonWithPositionButNoContent() {
		String trailing = "{\"password\":\"x\"} \"" + MARKER + "\"";
		assertThatExceptionOfType(SecretInjectionException.class)
			.isThrownBy(() -> convert(trailing, "password", String.class))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.MALFORMED_JSON);
				assertThat(ex.getCause()).isNull();
			})
			.withMessageContaining("secret 'app/secret'")
			.withMessageContaining("line 1, column")
			.withMessageNotContaining(MARKER);
	}

	@Test
	void binarySecretThatIsNotUtf8TextIsNotConvertibleToString() {
		SecretSnapshot snapshot = SecretSnapshot.ofBinary("s", "arn:s", "v1", Set.of("AWSCURRENT"), null,
				Instant.EPOCH, new byte[] { (byte) 0xFF, (byte) 0xFE, 'x' });
		assertThatExceptionOfType(SecretInjectionException.class)
			.isThrownBy(() -> this.converter.convert(site(null, ResolvableType.forClass(String.class)), snapshot))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.NOT_CONVERTIBLE);
				assertThat(ex.getAction()).contains("byte[]");
			})
			.withMessageContaining("secret 'app/secret'")
			.withMessageContaining("not UTF-8 text");
	}

	@Test
	void binarySecretHoldingUtf8JsonConvertsToRecord() {
		SecretSnapshot snapshot = SecretSnapshot.ofBinary("s", "arn:s", "v1", Set.of("AWSCURRENT"), null,
				Instant.EPOCH, "{\"username\":\"app\",\"password\":\"p\",\"port\":1}".getBytes(StandardCharsets.UTF_8));
		assertThat(this.converter.convert(site(null, ResolvableType.forClass(Credentials.class)), snapshot))
			.isEqualTo(new Credentials("app", "p", 1));
	}

	@Test
	void unconvertibleValueNamesTheTypeButNotTheValue() {
		assertThatExceptionOfType(SecretInjectionException.class)
			.isThrownBy(() -> convert(JSON, "password", Duration.class))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.NOT_CONVERTIBLE))
			.withMessageContaining("java.time.Duration")
			.withMessageNotContaining(MARKER);
	}

	@Test
	void unmappableJsonNamesThePropertyButNotTheValue() {
		String json = "{\"username\":\"app\",\"password\":\"x\",\"port\":\"" + MARKER + "\"}";
		assertThatExceptionOfType(SecretInjectionException.class)
			.isThrownBy(() -> convert(json, null, Credentials.class))
			.withMessageContaining("Credentials")
			.withMessageContaining("port")
			.withMessageNotContaining(MARKER);
	}

	@Test
	void invalidPathIsReportedAsDeclarationError() {
		assertThatExceptionOfType(SecretInjectionException.class)
			.isThrownBy(() -> convert(JSON, "db..password", String.class))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.INVALID_DECLARATION));
	}

	private Object convert(String value, String jsonKey, Class<?> type) {
		return this.converter.convert(site(jsonKey, ResolvableType.forClass(type)), snapshot(value));
	}

	private static SecretSnapshot snapshot(String value) {
		return SecretSnapshot.ofString("app/secret", "arn:app/secret", "v1", Set.of("AWSCURRENT"), null,
				Instant.EPOCH, value);
	}

	private static SecretInjectionSite site(String jsonKey, ResolvableType type) {
		return new SecretInjectionSite("bean", "field", Kind.FIELD, Wrapper.NONE, SecretKey.current("app/secret"),
				jsonKey, true, type);
	}

	record Credentials(String username, String password, int port) {
	}

}
