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

// No local push and no poll: the application's own change checks would otherwise race the reset
// and show up in the request counters this test inspects.
@SpringBootTest(classes = TestApplication.class,
		properties = { "secrets.refresh.local-push=false", "secrets.refresh.interval=1h" })
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
