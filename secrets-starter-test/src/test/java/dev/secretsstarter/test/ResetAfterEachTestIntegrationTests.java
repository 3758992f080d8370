package dev.secretsstarter.test;

import dev.secretsstarter.test.AutoConfigureLocalSecretsManager.Reset;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(classes = TestApplication.class)
// tag::reset[]
@AutoConfigureLocalSecretsManager(seed = "classpath:local-secrets.yml", reset = Reset.AFTER_EACH_TEST)
// end::reset[]
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetAfterEachTestIntegrationTests {

	@Autowired
	LocalSecrets secrets;

	@Test
	@Order(1)
	void aTestChangesTheServer() {
		this.secrets.put("scratch/one", "dummy");
		this.secrets.delete("api/key");
		this.secrets.faults().throttle("*", 100);
		assertThat(this.secrets.requests().count("PutSecretValue")).isPositive();
	}

	@Test
	@Order(2)
	void theNextTestSeesOnlyTheSeededState() {
		assertThat(this.secrets.requests().counts()).isEmpty();
		assertThat(this.secrets.currentValue("api/key")).isEqualTo("dummy-api-key");
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.secrets.currentValue("scratch/one"));
	}

}
