package dev.secretsstarter.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.secretsstarter.cache.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guarantees of {@link PollSchedule} on their own: the health recheck rate limit, measured
 * with a clock the test moves, and one chain of polls across a stop and start while a poll runs,
 * on a real one-thread executor.
 */
class PollScheduleTests {

	private static final long BOUND_SECONDS = 30;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final SecretRefreshProperties properties = new SecretRefreshProperties();

	private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);

	private volatile int failedPolls;

	PollScheduleTests() {
		this.properties.setInterval(Duration.ofSeconds(10));
		this.properties.setJitter(0);
		this.properties.getBackoff().setMax(Duration.ofMinutes(1));
		this.executor.setRemoveOnCancelPolicy(true);
	}

	@AfterEach
	void shutDown() {
		this.executor.shutdownNow();
	}

	@Test
	void aHealthRecheckIsDueAgainOnlyOneIntervalAfterTheLast() {
		PollSchedule schedule = schedule(() -> {
		});
		assertThat(schedule.claimRecheck()).isTrue();
		assertThat(schedule.claimRecheck()).isFalse();
		this.clock.advance(Duration.ofSeconds(9));
		assertThat(schedule.claimRecheck()).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(schedule.claimRecheck()).isTrue();
	}

	@Test
	void theWaitBetweenHealthRechecksDoublesPerEntirelyFailedPoll() {
		this.failedPolls = 2;
		PollSchedule schedule = schedule(() -> {
		});
		assertThat(schedule.claimRecheck()).isTrue();
		this.clock.advance(Duration.ofSeconds(39));
		assertThat(schedule.claimRecheck()).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(schedule.claimRecheck()).isTrue();
	}

	@Test
	void aStopAndStartWhileAPollRunsReturnAtOnceAndLeaveOneChainOfPolls() throws Exception {
		this.properties.setInterval(Duration.ofMillis(1));
		AtomicInteger polls = new AtomicInteger();
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Integer> queuedDuringSecondPoll = new CompletableFuture<>();
		PollSchedule schedule = schedule(() -> {
			int number = polls.incrementAndGet();
			if (number == 1) {
				entered.countDown();
				await(release);
			}
			else if (number == 2) {
				// This poll's successor is scheduled after it: anything queued now is a second chain.
				queuedDuringSecondPoll.complete(this.executor.getQueue().size());
			}
		});
		schedule.start();
		assertThat(entered.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
		// Neither waits for the running poll, which only the release below ends.
		CompletableFuture.runAsync(() -> {
			schedule.stop();
			schedule.start();
		}).get(BOUND_SECONDS, TimeUnit.SECONDS);
		release.countDown();
		assertThat(queuedDuringSecondPoll.get(BOUND_SECONDS, TimeUnit.SECONDS)).isZero();
		schedule.stop();
	}

	private PollSchedule schedule(Runnable poll) {
		return new PollSchedule(this.executor, this.properties, this.clock, () -> true, () -> this.failedPolls, poll);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(BOUND_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
