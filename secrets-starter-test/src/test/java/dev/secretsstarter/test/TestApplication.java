package dev.secretsstarter.test;

import dev.secretsstarter.inject.SecretHandle;
import dev.secretsstarter.inject.SecretValue;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application under test in this module's Spring tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
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

}
