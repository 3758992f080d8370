package dev.secretsstarter.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;

/**
 * When {@link SecretsRefresher} polls: the chain of scheduled polls, the wait between them
 * (the interval, doubled per consecutive entirely failed poll up to {@code secrets.refresh.backoff.max},
 * varied by {@code secrets.refresh.jitter}) and the rate limit on health rechecks.
 * <p>
 * Guarantees:
 * <ul>
 * <li>One chain of polls: each poll schedules its successor when it ends, and each {@link #start()}
 * and {@link #stop()} begins a new schedule, so a poll of an earlier schedule (still running when
 * stop and start were called) ends without a successor.</li>
 * <li>{@link #stop()} never waits for a running poll: it cancels the next one only.</li>
 * <li>At most one health recheck per wait ({@link #claimRecheck()}), measured with the clock.</li>
 * </ul>
 * <p>
 * Thread-safe. Polls run on the given executor (the refresher's one thread); the schedule state is
 * guarded by a private lock that is held only to read or change that state, schedule or cancel
 * a task. The suppliers are called without it held, so they may take locks of their own.
 *
 * @author secrets-starter team
 */
final class PollSchedule {

	private final ScheduledExecutorService executor;

	private final SecretRefreshProperties properties;

	private final Clock clock;

	private final BooleanSupplier running;

	private final IntSupplier failedPolls;

	private final Runnable poll;

	private final Object lock = new Object();

	// Guarded by lock.
	private @Nullable ScheduledFuture<?> nextPoll;

	// Guarded by lock.
	private @Nullable Instant nextPollAt;

	// Guarded by lock.
	private @Nullable Instant nextRecheckAt;

	// Guarded by lock. Each start and stop begins a new schedule; a poll of an earlier one (still
	// running when stop and start were called) does not schedule a successor, so that one chain of
	// polls remains. Nothing waits for the running poll: stop never blocks on the refresher's thread.
	private long schedule;

	/**
	 * Create a schedule; nothing is scheduled before {@link #start()}.
	 * @param executor runs the polls (the refresher's thread)
	 * @param properties the interval, backoff and jitter
	 * @param clock tells when the next poll and the next recheck are due
	 * @param running whether the refresher runs: no poll is scheduled while it does not
	 * @param failedPolls how many polls in a row failed entirely, for the backoff
	 * @param poll one scheduled poll
	 */
	PollSchedule(ScheduledExecutorService executor, SecretRefreshProperties properties, Clock clock,
			BooleanSupplier running, IntSupplier failedPolls, Runnable poll) {
		this.executor = executor;
		this.properties = properties;
		this.clock = clock;
		this.running = running;
		this.failedPolls = failedPolls;
		this.poll = poll;
	}

	/**
	 * Begin a new schedule, ending the current one, and schedule its first poll one wait from now.
	 */
	void start() {
		int failed = this.failedPolls.getAsInt();
		synchronized (this.lock) {
			scheduleNext(newSchedule(), failed);
		}
	}

	/**
	 * End the current schedule: its next poll is cancelled, a poll already running completes
	 * without a successor. Never waits.
	 */
	void stop() {
		synchronized (this.lock) {
			newSchedule();
		}
	}

	/**
	 * When the next scheduled poll runs.
	 * @return the time, or {@code null} if none is scheduled
	 */
	@Nullable Instant nextPollAt() {
		synchronized (this.lock) {
			return this.nextPollAt;
		}
	}

	/**
	 * Take the slot for a health recheck, if one is due: at most one per wait
	 * ({@link #nextDelay(int)}, so doubling while polls fail entirely).
	 * @return whether a recheck may run now
	 */
	boolean claimRecheck() {
		int failed = this.failedPolls.getAsInt();
		Instant now = this.clock.instant();
		synchronized (this.lock) {
			if (this.nextRecheckAt != null && now.isBefore(this.nextRecheckAt)) {
				return false;
			}
			this.nextRecheckAt = now.plus(nextDelay(failed));
			return true;
		}
	}

	/**
	 * The wait before the next poll: the interval, doubled per failed poll up to the backoff
	 * maximum, varied by the jitter fraction either way.
	 * @param failedPolls how many polls in a row failed entirely
	 * @return the wait
	 */
	Duration nextDelay(int failedPolls) {
		double base = this.properties.getInterval().toNanos();
		if (failedPolls > 0) {
			double max = Math.max(base, this.properties.getBackoff().getMax().toNanos());
			base = Math.min(max, base * Math.pow(2, Math.min(failedPolls, 30)));
		}
		double jitter = this.properties.getJitter();
		double factor = 1 - jitter + 2 * jitter * ThreadLocalRandom.current().nextDouble();
		return Duration.ofNanos((long) (base * factor));
	}

	// Called with the lock held: ends the current schedule, cancelling its next poll (a poll
	// already running completes, without a successor).
	private long newSchedule() {
		if (this.nextPoll != null) {
			this.nextPoll.cancel(false);
			this.nextPoll = null;
			this.nextPollAt = null;
		}
		return ++this.schedule;
	}

	// Called with the lock held.
	private void scheduleNext(long schedule, int failedPolls) {
		if (!this.running.getAsBoolean() || this.executor.isShutdown() || schedule != this.schedule) {
			return;
		}
		Duration delay = nextDelay(failedPolls);
		this.nextPollAt = this.clock.instant().plus(delay);
		try {
			this.nextPoll = this.executor.schedule(() -> scheduledPoll(schedule), delay.toNanos(),
					TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			this.nextPoll = null;
		}
	}

	private void scheduledPoll(long schedule) {
		try {
			this.poll.run();
		}
		finally {
			int failed = this.failedPolls.getAsInt();
			synchronized (this.lock) {
				scheduleNext(schedule, failed);
			}
		}
	}

}
