package dev.secretsstarter.refresh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API calls of one poll of 100 imported secrets, per detection strategy, counted by
 * secrets-local. These are the numbers {@code docs/guides/rotation.md} quotes.
 */
class SecretRefreshApiCallsIntegrationTests {

	private static final int SECRETS = 100;

	private LocalSecretsManager server;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		IntStream.range(0, SECRETS).forEach((i) -> this.server.createSecret("app/s" + i, "{\"k" + i + "\":\"v\"}"));
	}

	@AfterEach
	void stop() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.server.close();
	}

	private ConfigurableApplicationContext run(String strategy) {
		String ids = IntStream.range(0, SECRETS).mapToObj((i) -> "app/s" + i).collect(Collectors.joining(";"));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ImportsOnly.class)
			.web(WebApplicationType.NONE)
			.properties(LocalClients.properties(this.server, "secrets.client.max-attempts=1",
					"secrets.refresh.interval=1h", "secrets.refresh.strategy=" + strategy,
					"spring.config.import=aws-secretsmanager:" + ids))
			.run();
		this.contexts.add(context);
		return context;
	}

	@Test
	void describeStrategyMakesOneDescribeSecretCallPerSecretAndDownloadsNothing() {
		SecretsRefresher refresher = run("describe").getBean(SecretsRefresher.class);
		this.server.requests().reset();
		assertThat(refresher.refreshNow().checked()).isEqualTo(SECRETS);
		assertThat(this.server.requests().counts()).containsExactlyEntriesOf(Map.of("DescribeSecret", (long) SECRETS));
	}

	@Test
	void describeStrategyDownloadsOnlyTheSecretThatChanged() {
		SecretsRefresher refresher = run("describe").getBean(SecretsRefresher.class);
		this.server.putSecretValue("app/s7", "{\"k7\":\"w\"}");
		this.server.requests().reset();
		assertThat(refresher.refreshNow().changed()).isEqualTo(1);
		assertThat(this.server.requests().counts()).containsEntry("DescribeSecret", (long) SECRETS)
			.containsEntry("GetSecretValue", 1L)
			.hasSize(2);
	}

	@Test
	void batchStrategyMakesOneBatchGetSecretValueCallPerTwentySecrets() {
		SecretsRefresher refresher = run("batch").getBean(SecretsRefresher.class);
		this.server.requests().reset();
		assertThat(refresher.refreshNow().checked()).isEqualTo(SECRETS);
		assertThat(this.server.requests().counts()).containsExactlyEntriesOf(Map.of("BatchGetSecretValue", 5L));
	}

	@Test
	void batchStrategyTakesAChangedValueFromTheBatchWithoutAnotherCall() {
		ConfigurableApplicationContext context = run("batch");
		this.server.putSecretValue("app/s7", "{\"k7\":\"w\"}");
		this.server.requests().reset();
		assertThat(context.getBean(SecretsRefresher.class).refreshNow().changed()).isEqualTo(1);
		assertThat(this.server.requests().counts()).containsExactlyEntriesOf(Map.of("BatchGetSecretValue", 5L));
		assertThat(context.getEnvironment().getProperty("k7")).isEqualTo("w");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class,
			SecretRefreshAutoConfiguration.class })
	static class ImportsOnly {

	}

}
