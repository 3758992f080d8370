package dev.secretsstarter.local.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SecretValueTests {

	@Test
	void toStringNeverShowsTheValue() {
		assertThat(SecretValue.ofString("dummy-visible")).hasToString("SecretValue[string, redacted]");
		assertThat(SecretValue.ofBinary(new byte[] { 1 })).hasToString("SecretValue[binary, redacted]");
	}

	@Test
	void sizeLimitErrorDoesNotQuoteTheValue() {
		String big = "dummy".repeat(20_000);
		assertThatExceptionOfType(ServiceError.class).isThrownBy(() -> SecretValue.ofString(big))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("dummy"));
	}

	@Test
	void valuesAreEqualByContent() {
		assertThat(SecretValue.ofBinary(new byte[] { 1, 2 })).isEqualTo(SecretValue.ofBinary(new byte[] { 1, 2 }));
		assertThat(SecretValue.ofString("a")).isNotEqualTo(SecretValue.ofBinary("a".getBytes()));
	}

	@Test
	void binaryIsDefensivelyCopied() {
		byte[] bytes = { 1 };
		SecretValue value = SecretValue.ofBinary(bytes);
		bytes[0] = 2;
		assertThat(value.binary()).containsExactly(1);
	}

}
