package dev.secretsstarter.samples.quickstart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ApiCredentials}.
 */
class ApiCredentialsTests {

	@Test
	void toStringShowsNeitherTheUserNameNorTheTokenBecauseBothArePartOfTheSecretsValue() {
		ApiCredentials credentials = new ApiCredentials("m4rker-user", "m4rker-token");
		assertThat(credentials.toString()).startsWith("ApiCredentials[").doesNotContain("m4rker");
	}

}
