package dev.secretsstarter.inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.secretsstarter.cache.SecretCache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A real {@code SpringApplication} failing on a {@code @SecretValue} site reports it through the
 * failure analyzer registered in {@code META-INF/spring.factories}, without leaking the value.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretValueFailureAnalysisTests {

	private static final String MARKER = "an4lyzer-" + "marker";

	@Test
	void missingKeyIsReportedWithActionAndWithoutValue(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(MissingKeyApplication.class)
			.web(WebApplicationType.NONE)
			.run());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("@SecretValue consumer.value (secret 'db/credentials' at stage AWSCURRENT, key 'pasword')")
			.contains("available keys: [username, password]")
			.contains("Correct the key in @SecretValue")
			.doesNotContain(MARKER);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, SecretValueAutoConfiguration.class })
	static class MissingKeyApplication {

		@Bean
		SecretCache secretCache() {
			InMemorySecrets secrets = new InMemorySecrets().put("db/credentials",
					"{\"username\":\"app\",\"password\":\"" + MARKER + "\"}");
			return new TestSecretCache(secrets::fetch);
		}

		@Bean
		Consumer consumer() {
			return new Consumer();
		}

	}

	static class Consumer {

		@SecretValue(id = "db/credentials", key = "pasword")
		String value;

	}

}
