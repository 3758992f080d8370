package dev.secretsstarter.refresh;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheEntryStatus;
import dev.secretsstarter.cache.SecretFailureKind;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that cannot confirm a tracked value are failed checks, whichever way the value is
 * checked: the cached value is served stale (and counted, backed off, reported) rather than
 * confirmed current. Real application, real SDK client, secrets-local.
 */
class SecretRefreshFailedCheckIntegrationTests {

	private static final SecretKey KEY = SecretKey.current("app/token");

	private LocalSecretsManager server;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("app/token", "token-value-1");
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.server.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "describe", "batch" })
	void aTrackedSecretScheduledForDeletionIsAFailedCheckWhoseValueIsServedStale(String strategy) {
		SecretsRefresher refresher = run(strategy);
		try (SecretsManagerClient client = LocalClients.builder(this.server).build()) {
			client.deleteSecret((request) -> request.secretId("app/token").recoveryWindowInDays(7L));
		}
		SecretPollResult result = refresher.refreshNow();
		assertThat(result.failed()).isEqualTo(1);
		assertThat(refresher.status().lastFailureKind()).isEqualTo(SecretFailureKind.INVALID_REQUEST);
		SecretCacheEntryStatus status = this.context.getBean(SecretCache.class).status(KEY);
		assertThat(status).isNotNull();
		assertThat(status.isStale()).isTrue();
		assertThat(this.context.getBean(TokenApplication.User.class).token.get()).isEqualTo("token-value-1");
	}

	@Test
	void withDescribeSecretDeniedAFailedGetSecretValueIsAFailedCheck() {
		SecretsRefresher refresher = run("describe");
		this.server.faults().fail("DescribeSecret", "AccessDeniedException", 400, 1000);
		this.server.faults().fail("GetSecretValue", "InternalServiceError", 500, 1000);
		SecretPollResult first = refresher.refreshNow();
		SecretPollResult second = refresher.refreshNow();
		assertThat(first.failed()).isEqualTo(1);
		assertThat(second.failed()).isEqualTo(1);
		assertThat(refresher.status().consecutiveFailedPolls()).isEqualTo(2);
		assertThat(this.context.getBean(TokenApplication.User.class).token.get()).isEqualTo("token-value-1");
	}

	private SecretsRefresher run(String strategy) {
		this.context = new SpringApplicationBuilder(TokenApplication.class).web(WebApplicationType.NONE)
			.properties(LocalClients.properties(this.server, "secrets.client.max-attempts=1",
					"secrets.refresh.interval=1h", "secrets.refresh.strategy=" + strategy,
					"secrets.refresh.local-push=false"))
			.run();
		return this.context.getBean(SecretsRefresher.class);
	}

}
