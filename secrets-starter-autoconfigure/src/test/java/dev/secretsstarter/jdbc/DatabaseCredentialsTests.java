package dev.secretsstarter.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests for {@link DatabaseCredentials}.
 */
class DatabaseCredentialsTests {

	@Test
	void toStringShowsTheVersionButNeitherTheUserNameNorThePassword() {
		DatabaseCredentials credentials = new DatabaseCredentials("m4rker-user", "m4rker-password", "v-1");
		assertThat(credentials.toString()).contains("v-1").doesNotContain("m4rker");
	}

	@Test
	void toStringSaysWhenTheSecretHasNoUserName() {
		assertThat(new DatabaseCredentials(null, "m4rker-password", "v-1").toString()).contains("username=none")
			.doesNotContain("m4rker");
	}

}
