package dev.secretsstarter.autoconfigure.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.secretsstarter.autoconfigure.InvalidSecretsConfigurationException;
import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.inject.SecretValue;
import dev.secretsstarter.inject.SecretValueAutoConfiguration;
import dev.secretsstarter.local.LocalSecretsManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class LocalModeIntegrationTests {

	private static final String SEED = "secrets.local.seed=classpath:localmode/local-secrets.yml";

	private static final String SEEDED_PASSWORD = "seeded-marker-5e1f";

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	private ConfigurableApplicationContext run(String... properties) {
		return runWithProfiles(new String[0], properties);
	}

	private ConfigurableApplicationContext runWithProfiles(String[] profiles, String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.profiles(profiles)
			.properties("spring.config.name=localmode", "spring.config.location=classpath:localmode/")
			.properties(properties)
			.run();
		this.contexts.add(context);
		return context;
	}

	@Test
	void importAndSecretValueGetSeededValuesFromTheEmbeddedServer() {
		ConfigurableApplicationContext context = run("secrets.local.enabled=true", SEED,
				"spring.config.import=aws-secretsmanager:db/credentials?prefix=db.");
		assertThat(context.getEnvironment().getProperty("db.password")).isEqualTo(SEEDED_PASSWORD);
		assertThat(context.getBean(ApiClient.class).key).isEqualTo("dummy-api-key");
	}

	@Test
	void importAndApplicationShareOneServerAndOneClient() {
		ConfigurableApplicationContext context = run("secrets.local.enabled=true", SEED,
				"spring.config.import=aws-secretsmanager:db/credentials?prefix=db.");
		LocalSecretsManager server = context.getBean(LocalSecretsManager.class);
		assertThat(context.getEnvironment().getProperty("secrets.endpoint")).isEqualTo(server.endpoint().toString());
		assertThat(context.getBeansOfType(SecretsManagerClient.class)).hasSize(1);
		// The import's batch load and the @SecretValue load both reached this server.
		assertThat(server.requests().count("BatchGetSecretValue") + server.requests().count("GetSecretValue"))
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void secretValueWorksWithoutAnyImport() {
		ConfigurableApplicationContext context = run("secrets.local.enabled=true", SEED);
		assertThat(context.getBean(ApiClient.class).key).isEqualTo("dummy-api-key");
		assertThat(context.getBean(LocalSecretsManager.class).requests().count("GetSecretValue")
				+ context.getBean(LocalSecretsManager.class).requests().count("BatchGetSecretValue"))
			.isPositive();
	}

	@Test
	void aProfileSwitchesTheSameApplicationToLocalMode() {
		ConfigurableApplicationContext context = runWithProfiles(new String[] { "local" });
		assertThat(context.getBean(ApiClient.class).key).isEqualTo("dummy-api-key");
		assertThat(context.getBean(LocalSecretsManager.class).region()).isEqualTo("eu-west-1");
	}

	@Test
	void isOffByDefault(CapturedOutput output) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PlainApplication.class)
			.web(WebApplicationType.NONE)
			.properties("secrets.region=us-east-1")
			.run();
		this.contexts.add(context);
		assertThat(context.getBeansOfType(LocalSecretsManager.class)).isEmpty();
		assertThat(context.getEnvironment().getPropertySources()
			.contains(LocalSecretsManagerEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		assertThat(output).doesNotContain("secrets-local embedded server");
	}

	@Test
	void logsAWarningWithTheEndpointAndNoSecretValue(CapturedOutput output) {
		ConfigurableApplicationContext context = run("secrets.local.enabled=true", SEED,
				"spring.config.import=aws-secretsmanager:db/credentials?prefix=db.");
		int port = context.getBean(LocalSecretsManager.class).port();
		assertThat(output).containsOnlyOnce("WARN")
			.contains("secrets-local embedded server on http://127.0.0.1:" + port
					+ " \u2014 for development and tests only")
			.doesNotContain(SEEDED_PASSWORD);
	}

	@Test
	void stopsTheServerWhenTheContextCloses() {
		ConfigurableApplicationContext context = run("secrets.local.enabled=true", SEED);
		int port = context.getBean(LocalSecretsManager.class).port();
		assertThat(accepts(port)).isTrue();
		context.close();
		await().atMost(Duration.ofSeconds(10)).until(() -> !accepts(port));
	}

	@Test
	void stopsTheServerWhenTheApplicationFailsToStart() throws IOException {
		int port = freePort();
		assertThatException().isThrownBy(() -> run("secrets.local.enabled=true", SEED, "secrets.local.port=" + port,
				"spring.config.import=aws-secretsmanager:does/not-exist;api/key"));
		await().atMost(Duration.ofSeconds(10)).until(() -> !accepts(port));
	}

	@Test
	void refusesAnEndpointSetAtTheSameTime() {
		assertThatException()
			.isThrownBy(() -> run("secrets.local.enabled=true", "secrets.endpoint=https://vpce.example.com"))
			.isInstanceOf(InvalidSecretsConfigurationException.class)
			.withMessageContaining("secrets.endpoint")
			.withMessageContaining("secrets.local.enabled=false");
	}

	@Test
	void refusesAnEndpointSetAtTheSameTimeAsAnImport() {
		assertThatException()
			.isThrownBy(() -> run("secrets.local.enabled=true", "secrets.endpoint=https://vpce.example.com",
					"spring.config.import=aws-secretsmanager:api/key"))
			.isInstanceOf(InvalidSecretsConfigurationException.class)
			.withMessageContaining("secrets.endpoint");
	}

	@Test
	void namesAMissingSeedFile() {
		assertThatException()
			.isThrownBy(() -> run("secrets.local.enabled=true", "secrets.local.seed=classpath:nowhere.yml"))
			.isInstanceOf(InvalidSecretsConfigurationException.class)
			.withMessageContaining("secrets.local.seed")
			.withMessageContaining("classpath:nowhere.yml");
	}

	@Test
	void namesThePortWhenItIsOutOfRange() {
		assertThatException().isThrownBy(() -> run("secrets.local.enabled=true", "secrets.local.port=70000"))
			.isInstanceOf(InvalidSecretsConfigurationException.class)
			.withMessageContaining("'secrets.local.port'")
			.withMessageContaining("70000");
	}

	@Test
	void namesTheRotationCheckIntervalWhenItIsNotPositive() {
		assertThatException()
			.isThrownBy(() -> run("secrets.local.enabled=true", "secrets.local.rotation-check-interval=0s"))
			.isInstanceOf(InvalidSecretsConfigurationException.class)
			.withMessageContaining("'secrets.local.rotation-check-interval'");
	}

	@Test
	void namesTheDataFileWhenItIsNotADataFileOfTheServer(@TempDir Path directory) throws IOException {
		Path dataFile = Files.writeString(directory.resolve("secrets.data"), "not a data file");
		assertThatException()
			.isThrownBy(() -> run("secrets.local.enabled=true", "secrets.local.data-file=" + dataFile))
			.isInstanceOf(InvalidSecretsConfigurationException.class)
			.withMessageContaining("'secrets.local.data-file'")
			.withMessageContaining(dataFile.toString());
	}

	@Test
	void namesTheDataFileWhenItCannotBeRead(@TempDir Path directory) {
		assertThatException()
			.isThrownBy(() -> run("secrets.local.enabled=true", "secrets.local.data-file=" + directory))
			.isInstanceOf(InvalidSecretsConfigurationException.class)
			.withMessageContaining("'secrets.local.data-file'")
			.withMessageContaining(directory.toString());
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class,
			SecretValueAutoConfiguration.class })
	static class TestApplication {

		@Bean
		ApiClient apiClient() {
			return new ApiClient();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SecretsManagerAutoConfiguration.class)
	static class PlainApplication {

	}

	static class ApiClient {

		@SecretValue("api/key")
		String key;

	}

}
