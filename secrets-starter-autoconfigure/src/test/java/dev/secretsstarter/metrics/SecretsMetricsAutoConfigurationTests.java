package dev.secretsstarter.metrics;

import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecretsManagerAutoConfiguration.class,
				SecretCacheAutoConfiguration.class, SecretsMetricsAutoConfiguration.class))
		.withPropertyValues("secrets.region=us-east-1", "secrets.endpoint=http://127.0.0.1:1",
				"secrets.credentials.access-key=test", "secrets.credentials.secret-key=test");

	@Test
	void recorderBindersAndStartUpReporterAreCreated() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(SecretsApiCallRecorder.class)
			.hasSingleBean(SecretsApiCallMeterBinder.class)
			.hasSingleBean(SecretCacheMeterBinder.class)
			.hasSingleBean(SecretsStartupReporter.class));
	}

	@Test
	void theRecorderInterceptsTheAutoConfiguredClient() {
		this.runner.run((context) -> assertThat(context.getBean(SecretsManagerClient.class)
			.serviceClientConfiguration()
			.overrideConfiguration()
			.executionInterceptors()).contains(context.getBean(SecretsApiCallRecorder.class)));
	}

	@Test
	void withoutMicrometerOnlyTheRecorderAndTheStartUpLineRemain() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(SecretsApiCallRecorder.class)
				.hasSingleBean(SecretsStartupReporter.class)
				.doesNotHaveBean(SecretsApiCallMeterBinder.class)
				.doesNotHaveBean(SecretCacheMeterBinder.class));
	}

	@Test
	void withoutACacheThereIsNoCacheBinder() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SecretsMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(SecretsApiCallMeterBinder.class)
				.doesNotHaveBean(SecretCacheMeterBinder.class)
				.doesNotHaveBean(SecretsStartupReporter.class));
	}

	@Test
	void nothingIsCreatedWhenDisabled() {
		this.runner.withPropertyValues("secrets.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecretsApiCallRecorder.class)
				.doesNotHaveBean(SecretsApiCallMeterBinder.class));
	}

	@Test
	void settingsHaveDocumentedDefaults() throws Exception {
		SecretsMetricsProperties defaults = new SecretsMetricsProperties();
		assertThat(defaults.isSecretIdTags()).isFalse();
		assertThat(defaults.getMaxTaggedSecrets()).isEqualTo(100);
		Map<String, String> described = new LinkedHashMap<>();
		for (URL url : Collections.list(getClass().getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : new JsonMapper().readTree(in).path("properties")) {
					described.put(property.path("name").asString(), property.path("description").asString(""));
				}
			}
		}
		assertThat(described.get("secrets.metrics.secret-id-tags")).startsWith("Whether").doesNotContain("{@");
		assertThat(described.get("secrets.metrics.max-tagged-secrets")).isNotBlank().doesNotContain("{@");
	}

}
