package dev.secretsstarter.actuate;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsActuatorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecretsManagerAutoConfiguration.class,
				SecretCacheAutoConfiguration.class, SecretsActuatorAutoConfiguration.class))
		.withPropertyValues("secrets.region=us-east-1", "secrets.endpoint=http://127.0.0.1:1",
				"secrets.credentials.access-key=test", "secrets.credentials.secret-key=test");

	@Test
	void endpointIsCreatedWhenExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=secrets")
			.run((context) -> assertThat(context).hasSingleBean(SecretsEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWhenNotExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(SecretsEndpoint.class)
			.doesNotHaveBean(SecretsEndpointWebExtension.class));
	}

	@Test
	void webExtensionIsCreatedWhenExposedOverHttp() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=secrets")
			.run((context) -> assertThat(context).hasSingleBean(SecretsEndpointWebExtension.class));
	}

	@Test
	void webExtensionIsNotCreatedWhenExposedOverJmxOnly() {
		this.runner.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=secrets")
			.run((context) -> assertThat(context).hasSingleBean(SecretsEndpoint.class)
				.doesNotHaveBean(SecretsEndpointWebExtension.class));
	}

	@Test
	void healthIndicatorIsCreatedByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(SecretsHealthIndicator.class)
			.hasBean("secretsHealthIndicator"));
	}

	@Test
	void healthIndicatorCanBeTurnedOff() {
		this.runner.withPropertyValues("management.health.secrets.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecretsHealthIndicator.class));
	}

	@Test
	void sanitizingFunctionIsCreatedEvenWhenSecretsAreDisabled() {
		this.runner.withPropertyValues("secrets.enabled=false", "management.endpoints.web.exposure.include=secrets")
			.run((context) -> assertThat(context).hasSingleBean(SecretsSanitizingFunction.class)
				.doesNotHaveBean(SecretsEndpoint.class)
				.doesNotHaveBean(SecretsHealthIndicator.class));
	}

	@Test
	void endpointWorksWithoutSpringBootHealth() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.withPropertyValues("management.endpoints.web.exposure.include=secrets")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(SecretsEndpoint.class)
				.doesNotHaveBean(SecretsHealthIndicator.class));
	}

	@Test
	void maskingWorksWithActuatorButWithoutItsAutoConfiguration() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.autoconfigure"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(SecretsSanitizingFunction.class)
				.doesNotHaveBean(SecretsEndpoint.class));
	}

	@Test
	void nothingIsCreatedWithoutActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SecretsSanitizingFunction.class)
				.doesNotHaveBean(SecretsHealthIndicator.class));
	}

}
