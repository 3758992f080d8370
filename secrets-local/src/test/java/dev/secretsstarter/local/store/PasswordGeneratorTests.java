package dev.secretsstarter.local.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PasswordGeneratorTests {

	@Test
	void requireEachIncludedTypeHoldsEvenForTheShortestPassword() {
		for (int i = 0; i < 200; i++) {
			assertThat(PasswordGenerator.generate(PasswordGenerator.Rules.defaults().withLength(4)))
				.containsPattern("[a-z]")
				.containsPattern("[A-Z]")
				.containsPattern("[0-9]")
				.containsPattern("[^A-Za-z0-9]");
		}
	}

	@Test
	void excludingEveryCharacterIsRefused() {
		PasswordGenerator.Rules rules = new PasswordGenerator.Rules(10, "", true, true, true, true, false, true);
		assertThatExceptionOfType(ServiceError.class).isThrownBy(() -> PasswordGenerator.generate(rules))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("InvalidParameterException"));
	}

	@Test
	void tooShortForEveryRequiredTypeIsRefused() {
		assertThatExceptionOfType(ServiceError.class)
			.isThrownBy(() -> PasswordGenerator.generate(PasswordGenerator.Rules.defaults().withLength(3)));
	}

}
