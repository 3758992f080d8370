package dev.secretsstarter.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension in an instance field, where JUnit calls no class-level callback.
 */
@LocalSecret(name = "class/level", value = "dummy-class-level")
class InstanceFieldExtensionIntegrationTests {

	@RegisterExtension
	LocalSecretsManagerExtension server = LocalSecretsManagerExtension.perClass();

	@Test
	void classLevelSecretsAreSeededAlthoughJUnitCallsNoBeforeAllCallback(LocalSecrets secrets) {
		assertThat(secrets.currentValue("class/level")).isEqualTo("dummy-class-level");
	}

	@Test
	@LocalSecret(name = "method/level", value = "dummy-method-level")
	void methodLevelSecretsAreSeededToo(LocalSecrets secrets) {
		assertThat(secrets.currentValue("method/level")).isEqualTo("dummy-method-level");
	}

}
