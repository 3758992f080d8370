package dev.secretsstarter.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Start-up failures of a real {@link SpringApplication} reported by
 * {@link InvalidSecretsConfigurationFailureAnalyzer}.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidSecretsConfigurationFailureAnalyzerIntegrationTests {

	private static final String SECRET_KEY = "wJalrXUtnFEMI-dummy-secret-key-value";

	@Test
	void reportsThePropertyAndTheFixWithoutTheSecretKey(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> run("--secrets.region=us-east-1",
				"--secrets.credentials.profile=dev", "--secrets.credentials.access-key=test",
				"--secrets.credentials.secret-key=" + SECRET_KEY));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The property 'secrets.credentials.profile' is invalid: a profile and static keys are both set.")
			.contains("Choose one: remove secrets.credentials.profile or the static access-key/secret-key.")
			.doesNotContain(SECRET_KEY);
	}

	@Test
	void reportsAHalfGivenKeyPairWithoutTheSecretKey(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> run("--secrets.region=us-east-1", "--secrets.credentials.secret-key=" + SECRET_KEY));
		assertThat(output).contains("The property 'secrets.credentials.access-key' is invalid")
			.doesNotContain(SECRET_KEY);
	}

	@Test
	void reportsAnInvalidClientSetting(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> run("--secrets.region=us-east-1", "--secrets.client.max-attempts=0"));
		assertThat(output).contains("The property 'secrets.client.max-attempts' is invalid")
			.contains("Set it to 1 to turn retries off");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(TestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SecretsManagerAutoConfiguration.class)
	static class TestApplication {

	}

}
