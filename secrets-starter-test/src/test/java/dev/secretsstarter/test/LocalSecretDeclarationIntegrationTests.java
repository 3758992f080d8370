package dev.secretsstarter.test;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.secretsstarter.local.LocalSecretsManager;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link LocalSecrets#declare} seeds what a class or method declares with {@link LocalSecret} all
 * or nothing.
 */
class LocalSecretDeclarationIntegrationTests {

	@Test
	void aDeclarationWithAnInvalidNameSeedsNoneOfItsSecrets() {
		Map<String, String> secrets = new LinkedHashMap<>();
		secrets.put("declared/valid", "dummy-valid");
		secrets.put("declared/in valid*", "dummy-invalid");
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				LocalSecrets local = LocalSecrets.of(server)) {
			assertThatIllegalArgumentException().isThrownBy(() -> local.declare(secrets))
				.withMessageContaining("declared/in valid*")
				.withMessageNotContaining("dummy");
			assertThatExceptionOfType(ResourceNotFoundException.class)
				.isThrownBy(() -> local.client().getSecretValue((r) -> r.secretId("declared/valid")));
		}
	}

}
