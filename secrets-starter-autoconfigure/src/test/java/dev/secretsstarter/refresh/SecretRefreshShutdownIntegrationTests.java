package dev.secretsstarter.refresh;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing the context while a poll is slow: callers waiting for a manual refresh are released,
 * not left waiting forever. Real application, real SDK client, secrets-local with injected latency.
 */
class SecretRefreshShutdownIntegrationTests {

	private static final Duration BOUND = Duration.ofSeconds(30);

	private LocalSecretsManager server;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("app/token", "token-value");
	}

	@AfterEach
	void stop() {
		this.context.close();
		this.server.close();
	}

	@Test
	void aRefreshWaitingBehindASlowPollIsReleasedWhenTheContextCloses() {
		this.context = new SpringApplicationBuilder(TokenApplication.class).web(WebApplicationType.NONE)
			.properties(LocalClients.properties(this.server, "secrets.client.max-attempts=1",
					"secrets.refresh.interval=1h"))
			.run();
		SecretsRefresher refresher = this.context.getBean(SecretsRefresher.class);
		this.server.faults().latency("DescribeSecret", Duration.ofSeconds(2));
		this.server.requests().reset();
		CompletableFuture<SecretPollResult> slow = CompletableFuture.supplyAsync(refresher::refreshNow);
		await().atMost(BOUND).until(() -> this.server.requests().count("DescribeSecret") >= 1);
		CompletableFuture<Throwable> queued = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				refresher.refreshNow();
				queued.complete(null);
			}
			catch (RuntimeException ex) {
				queued.complete(ex);
			}
		}, "queued-refresh");
		thread.setDaemon(true);
		thread.start();
		await().atMost(BOUND).until(() -> thread.getState() == Thread.State.WAITING);
		this.context.close();
		await().atMost(BOUND).until(queued::isDone);
		assertThat(queued.join()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
		await().atMost(BOUND).until(slow::isDone);
	}

}
