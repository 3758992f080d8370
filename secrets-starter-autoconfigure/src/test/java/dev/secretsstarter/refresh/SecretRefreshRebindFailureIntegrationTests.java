package dev.secretsstarter.refresh;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.autoconfigure.ConfigurationPropertiesRebinderAutoConfiguration;
import org.springframework.cloud.autoconfigure.RefreshAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new version of an imported secret that a {@code @ConfigurationProperties} bean cannot be rebound
 * to: the failure is reported, and the exceptions of the binder, which quote the value, are not.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretRefreshRebindFailureIntegrationTests {

	private static final String MARKER = "REBINDMARKER";

	private LocalSecretsManager server;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("db/settings", "{\"port\":\"5432\"}");
		this.context = new SpringApplicationBuilder(RebindApplication.class).web(WebApplicationType.NONE)
			.properties(LocalClients.properties(this.server, "secrets.client.max-attempts=1",
					"secrets.refresh.interval=1h", "spring.config.import=aws-secretsmanager:db/settings?prefix=db."))
			.run();
	}

	@AfterEach
	void stop() {
		this.context.close();
		this.server.close();
	}

	@Test
	void aNewVersionThatCannotBeBoundIsReportedNamingTheBeanButNeverTheValue(CapturedOutput output) {
		this.server.putSecretValue("db/settings", "{\"port\":\"" + MARKER + "-5433\"}");
		this.context.getBean(SecretsRefresher.class).refreshNow();
		// The new value really reached the Environment (so this test can fail).
		assertThat(this.context.getEnvironment().getProperty("db.port")).isEqualTo(MARKER + "-5433");
		assertThat(output).contains("Refreshing beans after a secret rotation failed").doesNotContain(MARKER);
	}

	@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class,
			SecretRefreshAutoConfiguration.class, RefreshAutoConfiguration.class,
			ConfigurationPropertiesRebinderAutoConfiguration.class })
	@EnableConfigurationProperties(DbSettings.class)
	static class RebindApplication {

	}

	@ConfigurationProperties("db")
	static class DbSettings {

		private int port;

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

	}

}
