package dev.secretsstarter.refresh;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping and starting the refresher (as a context stop/start does) while a scheduled poll runs:
 * one schedule of polls remains. Real application, real SDK client, secrets-local; the running
 * poll is held in a poll listener, which runs on the refresher's thread inside the poll.
 */
class SecretRefreshLifecycleIntegrationTests {

	private static final long BOUND_SECONDS = 30;

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
	void aStopAndStartWhileAScheduledPollRunsLeavesOneScheduleOfPolls() throws Exception {
		this.context = new SpringApplicationBuilder(TokenApplication.class).web(WebApplicationType.NONE)
			.properties(LocalClients.properties(this.server, "secrets.client.max-attempts=1",
					"secrets.refresh.interval=200ms", "secrets.refresh.jitter=0"))
			.run();
		SecretsRefresher refresher = this.context.getBean(SecretsRefresher.class);
		AtomicInteger scheduledPolls = new AtomicInteger();
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Integer> queuedDuringSecondPoll = new CompletableFuture<>();
		refresher.addListener((poll) -> {
			if (poll.trigger() != SecretPollResult.Trigger.SCHEDULED) {
				return;
			}
			int number = scheduledPolls.incrementAndGet();
			if (number == 1) {
				entered.countDown();
				await(release);
			}
			else if (number == 2) {
				// This poll's successor is scheduled after it: anything queued now is a second schedule.
				queuedDuringSecondPoll.complete(refresher.queuedTasks());
			}
		});
		assertThat(entered.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
		refresher.stop();
		refresher.start();
		release.countDown();
		assertThat(queuedDuringSecondPoll.get(BOUND_SECONDS, TimeUnit.SECONDS)).isZero();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(Duration.ofSeconds(BOUND_SECONDS).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
