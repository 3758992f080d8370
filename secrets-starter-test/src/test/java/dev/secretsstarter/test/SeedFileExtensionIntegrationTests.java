package dev.secretsstarter.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class SeedFileExtensionIntegrationTests {

	// tag::seed-file[]
	@RegisterExtension
	static LocalSecretsManagerExtension server = LocalSecretsManagerExtension.perClass()
		.withSeed("classpath:extension-seed.yml");
	// end::seed-file[]

	@Test
	void secretsOfTheSeedFileAreCreated(LocalSecrets secrets) {
		assertThat(secrets.currentValue("seeded/from-file")).isEqualTo("dummy-from-file");
	}

	@Test
	void resetForgetsWritesAndSeedsTheFileAgain(LocalSecrets secrets) {
		secrets.put("seeded/from-file", "dummy-changed");
		secrets.put("written/by-test", "dummy");
		secrets.reset();
		assertThat(secrets.currentValue("seeded/from-file")).isEqualTo("dummy-from-file");
		assertThat(secrets.server().requests().count("CreateSecret")).isZero();
	}

}
