package dev.secretsstarter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.local.LocalSecretsManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ImportWarmUpIntegrationTests {

	private LocalSecretsManager server;

	private final List<Runnable> warmUps = new ArrayList<>();

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("db/credentials", "{\"username\":\"app\"}");
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private String run(String... args) {
		SpringApplication application = new SpringApplication(TestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addListeners(new ImportWarmUpListener(this.warmUps::add));
		List<String> all = new ArrayList<>(List.of("--secrets.endpoint=" + this.server.endpoint(),
				"--secrets.region=us-east-1", "--secrets.credentials.access-key=test",
				"--secrets.credentials.secret-key=test"));
		all.addAll(List.of(args));
		try (ConfigurableApplicationContext context = application.run(all.toArray(String[]::new))) {
			return context.getEnvironment().getProperty("username");
		}
	}

	@Test
	void anImportOnTheCommandLineWarmsUpWithoutCallingTheService() {
		this.server.requests().reset();
		assertThat(run("--spring.config.import=aws-secretsmanager:db/credentials")).isEqualTo("app");
		assertThat(this.warmUps).hasSize(1);
		assertThat(this.warmUps.get(0)).isInstanceOfSatisfying(ImportWarmUp.class,
				(warmUp) -> assertThat(warmUp.warmUp()).isTrue());
		// The import's one batch call, nothing from the warm-up.
		assertThat(this.server.requests().counts()).containsExactly(Map.entry("BatchGetSecretValue", 1L));
	}

	@Test
	void noImportNoWarmUp() {
		assertThat(run()).isNull();
		assertThat(this.warmUps).isEmpty();
	}

	@Test
	void warmUpCanBeSwitchedOffOnTheCommandLine() {
		run("--spring.config.import=aws-secretsmanager:db/credentials", "--secrets.warm-up.enabled=false");
		assertThat(this.warmUps).isEmpty();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class })
	static class TestApplication {

	}

}
