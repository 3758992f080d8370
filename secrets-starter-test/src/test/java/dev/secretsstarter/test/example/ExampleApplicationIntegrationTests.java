package dev.secretsstarter.test.example;

import java.time.Duration;

import dev.secretsstarter.inject.SecretHandle;
import dev.secretsstarter.inject.SecretValue;
import dev.secretsstarter.test.AutoConfigureLocalSecretsManager;
import dev.secretsstarter.test.LocalSecrets;
import dev.secretsstarter.test.SecretRefreshAwaiter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A self-contained example to copy into an application's tests: the application's
 * {@code application.yml} imports {@code aws-secretsmanager:app/config?prefix=app.}, the test
 * adds only the annotation and a seed file. Nothing about endpoints or credentials is written.
 */
@SpringBootTest
@AutoConfigureLocalSecretsManager(seed = "classpath:local-secrets.yml")
class ExampleApplicationIntegrationTests {

	@Value("${app.greeting}")
	String greeting;

	@Autowired
	Database database;

	@Autowired
	LocalSecrets secrets;

	@Autowired
	SecretRefreshAwaiter refreshes;

	@Test
	void importedConfigurationComesFromTheSeedFile() {
		assertThat(this.greeting).isEqualTo("hello from secrets-local");
	}

	@Test
	void beansSeeTheRotatedPassword() {
		this.secrets.rotate("db/credentials", "{\"username\":\"app\",\"password\":\"dummy-rotated\"}");
		// The application hears of the change from the embedded server and refreshes at once.
		this.refreshes.awaitRotation("db/credentials", Duration.ofSeconds(10));
		assertThat(this.database.password.get()).isEqualTo("dummy-rotated");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ExampleApplication {

		@Bean
		Database database() {
			return new Database();
		}

	}

	static class Database {

		@SecretValue(id = "db/credentials", key = "password")
		SecretHandle<String> password;

	}

}
