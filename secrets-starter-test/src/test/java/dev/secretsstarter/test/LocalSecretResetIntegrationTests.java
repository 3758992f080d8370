package dev.secretsstarter.test;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link LocalSecrets#reset()} restores the secrets {@link LocalSecret} declares, like those of a
 * seed file: the class's for as long as the class runs, a test method's for as long as that test
 * runs, each with the version id it had when first written, so a reset looks like no rotation of a
 * secret the test did not change.
 */
@ExtendWith(LocalSecretsManagerExtension.class)
@LocalSecret(name = "declared/on-class", value = "dummy-class")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalSecretResetIntegrationTests {

	@Test
	@Order(1)
	void aResetRestoresTheClassesSecretWithTheVersionIdItWasFirstWrittenWith(LocalSecrets secrets) {
		String first = currentVersionId(secrets, "declared/on-class");
		secrets.put("declared/on-class", "dummy-changed");
		secrets.reset();
		assertThat(secrets.currentValue("declared/on-class")).isEqualTo("dummy-class");
		assertThat(currentVersionId(secrets, "declared/on-class")).isEqualTo(first);
	}

	@Test
	@Order(2)
	@LocalSecret(name = "declared/on-method", value = "dummy-method")
	void aResetRestoresTheRunningTestsSecretWithTheVersionIdItWasFirstWrittenWith(LocalSecrets secrets) {
		String first = currentVersionId(secrets, "declared/on-method");
		secrets.delete("declared/on-method");
		secrets.reset();
		assertThat(secrets.currentValue("declared/on-method")).isEqualTo("dummy-method");
		assertThat(currentVersionId(secrets, "declared/on-method")).isEqualTo(first);
	}

	@Test
	@Order(3)
	void aResetInALaterTestNoLongerRestoresAnEarlierTestsSecret(LocalSecrets secrets) {
		secrets.reset();
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> secrets.currentValue("declared/on-method"));
		assertThat(secrets.currentValue("declared/on-class")).isEqualTo("dummy-class");
	}

	@Test
	@Order(4)
	@LocalSecret(name = "declared/on-class", value = "dummy-method-override")
	void aTestsValueOfAClassSecretWinsOverTheClassesAlsoAfterAReset(LocalSecrets secrets) {
		String first = currentVersionId(secrets, "declared/on-class");
		secrets.reset();
		assertThat(secrets.currentValue("declared/on-class")).isEqualTo("dummy-method-override");
		assertThat(currentVersionId(secrets, "declared/on-class")).isEqualTo(first);
	}

	private static String currentVersionId(LocalSecrets secrets, String name) {
		return secrets.client().getSecretValue((request) -> request.secretId(name)).versionId();
	}

}
