package dev.secretsstarter.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LocalSecrets#reset()} puts the seeded secrets back under the ARNs they had, so a test (or an
 * application) that addresses a seeded secret by its full ARN still finds it after a reset.
 */
@LocalSecret(name = "declared/on-class", value = "dummy-class")
class ResetKeepsSeededArnsIntegrationTests {

	@RegisterExtension
	static LocalSecretsManagerExtension server = LocalSecretsManagerExtension.perClass()
		.withSeed("classpath:extension-seed.yml");

	@Test
	void aSecretOfTheSeedFileIsFoundByItsFullArnAfterAReset(LocalSecrets secrets) {
		String arn = arn(secrets, "seeded/from-file");
		secrets.reset();
		assertThat(secrets.client().getSecretValue((r) -> r.secretId(arn)).secretString())
			.isEqualTo("dummy-from-file");
	}

	@Test
	void aDeclaredSecretIsFoundByItsFullArnAfterAReset(LocalSecrets secrets) {
		String arn = arn(secrets, "declared/on-class");
		secrets.reset();
		assertThat(secrets.client().getSecretValue((r) -> r.secretId(arn)).secretString()).isEqualTo("dummy-class");
	}

	private static String arn(LocalSecrets secrets, String name) {
		return secrets.client().describeSecret((r) -> r.secretId(name)).arn();
	}

}
