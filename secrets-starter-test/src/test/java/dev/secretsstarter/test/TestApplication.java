package dev.secretsstarter.test;

import dev.secretsstarter.inject.SecretHandle;
import dev.secretsstarter.inject.SecretValue;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The application under test in this module's Spring tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties(TestApplication.AppProperties.class)
class TestApplication {

	@Bean
	ApiClient apiClient() {
		return new ApiClient();
	}

	static class ApiClient {

		@SecretValue("api/key")
		String key;

		@SecretValue(id = "db/credentials", key = "password")
		SecretHandle<String> password;

	}

	/**
	 * Bound from the imported secret {@code app/config} ({@code application.yml} imports it with
	 * the prefix {@code app.}).
	 */
	@ConfigurationProperties("app")
	static class AppProperties {

		private String greeting = "";

		String getGreeting() {
			return this.greeting;
		}

		void setGreeting(String greeting) {
			this.greeting = greeting;
		}

	}

}
