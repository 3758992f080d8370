package dev.secretsstarter.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheListener;
import dev.secretsstarter.cache.SecretFailureKind;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.cache.SecretUsages;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the application on the current versions of the secrets it uses: polls for changes on a
 * jittered interval, takes new versions into use, refreshes what depends on them, and publishes
 * one {@link SecretRotatedEvent} per new version.
 * <p>
 * A poll checks every tracked key ({@link SecretUsages}: imports, {@code @SecretValue} sites,
 * handles, a DataSource) with the configured strategy, which downloads only what changed (see
 * {@code docs/guides/rotation.md}). The cache swaps to each new snapshot and tells its listeners
 * (so {@code @SecretValue} fields and handles follow at once); at the end of the poll, this
 * refresher works out the changed property names, refreshes the dependent
 * {@code @ConfigurationProperties} and {@code @RefreshScope} beans <em>once</em> for everything
 * that changed, then publishes the events. Version changes the cache makes outside a poll (a
 * DataSource that found its password rejected, a stale read) go through the same steps.
 * <p>
 * A poll in which every check fails backs off (doubling from the interval up to
 * {@code secrets.refresh.backoff.max}, with jitter); values stay as they were, and the next
 * successful poll resumes the interval. {@code PollSchedule} decides when polls run.
 * <p>
 * Thread-safe. Polls, refreshes and event publication run on one daemon thread
 * ({@code secrets-refresh}), so they never overlap; {@link #refreshNow()} runs a poll there and
 * waits for it. {@link #stop()} never waits for a running poll; a {@link #start()} after it (a
 * context stop and start) leaves one schedule of polls, also while that poll still runs.
 *
 * @author secrets-starter team
 */
public final class SecretsRefresher implements SecretCacheListener, SmartLifecycle, DisposableBean {

	private static final Log logger = LogFactory.getLog(SecretsRefresher.class);

	private final SecretCache cache;

	private final SecretUsages usages;

	private final ChangeDetector detector;

	private final PropertyChangeTracker tracker;

	private final RotationApplier rotations;

	private final SecretRefreshProperties properties;

	private final Clock clock;

	private final List<SecretRefreshListener> listeners = new CopyOnWriteArrayList<>();

	private final ScheduledThreadPoolExecutor executor;

	private volatile @Nullable Thread refreshThread;

	private final AtomicBoolean drainScheduled = new AtomicBoolean();

	private volatile boolean running;

	private final Stats stats = new Stats();

	private final PollSchedule schedule;

	private final KnownSnapshots known;

	SecretsRefresher(SecretCache cache, SecretUsages usages, ChangeDetector detector, BeanRefresher beans,
			PropertyChangeTracker tracker, ApplicationEventPublisher publisher, SecretRefreshProperties properties,
			Clock clock, KnownSnapshots known) {
		this.cache = cache;
		this.usages = usages;
		this.detector = detector;
		this.tracker = tracker;
		this.rotations = new RotationApplier(this, tracker, beans, publisher);
		this.properties = properties;
		this.clock = clock;
		this.executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "secrets-refresh");
			thread.setDaemon(true);
			this.refreshThread = thread;
			return thread;
		});
		this.executor.setRemoveOnCancelPolicy(true);
		this.schedule = new PollSchedule(this.executor, properties, clock, this::isRunning, this::consecutiveFailedPolls,
				() -> poll(SecretPollResult.Trigger.SCHEDULED, (key) -> true));
		// Changes are reported relative to the last version seen, so that a key the cache evicted
		// and loaded again at another version is a rotation, not a first load.
		this.known = known;
		// What the imports supply, before the listener below can report a change: a change taken
		// into use before start-up is then compared with it, not with nothing (every name changed).
		tracker.remember();
		known.attach(cache);
		known.addListener(this, usages::keys);
	}

	/**
	 * Poll every tracked key now, take new versions into use and refresh what depends on them;
	 * waits until done. Works whether or not scheduled polling is enabled.
	 * @return what the poll found
	 * @throws IllegalStateException if the application context closed before the poll could run
	 */
	public SecretPollResult refreshNow() {
		return await(() -> poll(SecretPollResult.Trigger.MANUAL, (key) -> true));
	}

	/**
	 * Poll the tracked keys of some secrets now, as {@link #refreshNow()} does.
	 * @param secretIds secret names or ARNs, as the application names them
	 * @return what the poll found
	 * @throws IllegalStateException if the application context closed before the poll could run
	 */
	public SecretPollResult refreshNow(Collection<String> secretIds) {
		Set<String> ids = Set.copyOf(secretIds);
		return await(() -> poll(SecretPollResult.Trigger.MANUAL, (key) -> ids.contains(key.secretId())));
	}

	/**
	 * With polling off ({@code secrets.refresh.enabled=false}), check keys whose last read or check
	 * failed again, in the background: nothing else would, and health would report them failed
	 * until something happened to read them. At most one such check per
	 * {@code secrets.refresh.interval} (doubling, up to {@code secrets.refresh.backoff.max}, while
	 * checks keep failing entirely), with the configured strategy, as a poll of those keys (trigger
	 * {@link SecretPollResult.Trigger#HEALTH}). Does nothing while polling is on: the next poll
	 * checks them. Never waits; the {@code secrets} health contributor calls it.
	 * @param failedKeys the keys reported failed (those not tracked are skipped), or an empty set
	 * when only polls are failing, to check every tracked key
	 * @return whether a check was queued
	 */
	public boolean recheck(Set<SecretKey> failedKeys) {
		if (this.properties.isEnabled() || !this.running) {
			return false;
		}
		Set<SecretKey> tracked = trackedKeys();
		Set<SecretKey> keys = failedKeys.isEmpty() ? tracked
				: failedKeys.stream().filter(tracked::contains).collect(Collectors.toUnmodifiableSet());
		if (keys.isEmpty()) {
			return false;
		}
		if (!this.schedule.claimRecheck()) {
			return false;
		}
		submit(() -> poll(SecretPollResult.Trigger.HEALTH, keys::contains));
		return true;
	}

	/**
	 * Register a listener for poll results.
	 * @param listener the listener
	 */
	public void addListener(SecretRefreshListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * The keys polled: every staged key in use (a version id never changes).
	 * @return an immutable set
	 */
	public Set<SecretKey> trackedKeys() {
		Set<SecretKey> keys = new LinkedHashSet<>();
		this.usages.keys().stream().filter(SecretKey::isStaged).forEach(keys::add);
		return Set.copyOf(keys);
	}

	/**
	 * The state of polling, with counters, for health and metrics.
	 * @return the status
	 */
	public SecretRefreshStatus status() {
		Instant nextPollAt = this.schedule.nextPollAt();
		synchronized (this.stats) {
			return new SecretRefreshStatus(this.properties.isEnabled(), this.properties.getStrategy(),
					this.properties.getInterval(), trackedKeys().size(), this.stats.polls, this.stats.rotations,
					this.stats.checkFailures, this.stats.consecutiveFailedPolls, this.stats.lastFailureKind,
					this.stats.lastPoll,
					this.stats.lastSuccessAt, nextPollAt);
		}
	}

	/**
	 * Poll some keys soon, without waiting (a change notification arrived).
	 * @param filter selects the tracked keys to check
	 */
	void requestRefresh(Predicate<SecretKey> filter) {
		submit(() -> poll(SecretPollResult.Trigger.LOCAL_PUSH, filter));
	}

	@Override
	public void onSnapshotChanged(SecretKey key, @Nullable SecretSnapshot previous, SecretSnapshot current) {
		if (previous == null) {
			return; // a first load, not a rotation
		}
		this.rotations.add(new RotationApplier.Change(key, previous, current));
		if (Thread.currentThread() != this.refreshThread && this.drainScheduled.compareAndSet(false, true)) {
			// A change made outside a poll: refresh at once rather than at the next poll.
			submit(() -> {
				this.drainScheduled.set(false);
				drain();
			});
		}
	}

	@Override
	public void start() {
		this.running = true;
		submit(() -> {
			// Property sources added since this refresher was created (known ones are kept).
			this.tracker.remember();
			// Imports and early injections were loaded before this listener existed: what the
			// Environment exposes, else what the cache holds, is the version they copied.
			this.tracker.importedSnapshots().forEach(this.known::seed);
			trackedKeys().forEach((key) -> this.known.seed(key, this.cache.getIfPresent(key)));
		});
		if (this.properties.isEnabled()) {
			this.schedule.start();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		this.schedule.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void destroy() {
		stop();
		// Release callers of refreshNow() still queued behind a running poll: their get() would
		// otherwise wait forever for a task that will never run.
		for (Runnable dropped : this.executor.shutdownNow()) {
			if (dropped instanceof Future<?> future) {
				future.cancel(false);
			}
		}
	}

	private SecretPollResult poll(SecretPollResult.Trigger trigger, Predicate<SecretKey> filter) {
		PollOutcome outcome = new PollOutcome(trigger, this.clock.instant());
		List<SecretKey> keys = trackedKeys().stream().filter(filter).toList();
		try {
			this.detector.detect(keys, outcome);
		}
		catch (RuntimeException ex) {
			logger.warn("Polling secrets for changes failed unexpectedly; values stay as they are", ex);
			// Counted as failed checks, so that the poll backs off and health hears of it. The
			// exception's message stays in the log above: it is not ours to vouch for.
			SecretFailureKind kind = PollOutcome.kindOf(ex);
			keys.stream().filter((key) -> !outcome.isAnswered(key)).forEach((key) -> outcome.failed(key,
					"Checking secret '" + key + "' for changes failed unexpectedly (" + ex.getClass().getName()
							+ "); see the log",
					kind));
		}
		drain();
		SecretPollResult result = outcome.result(this.clock.instant());
		synchronized (this.stats) {
			this.stats.polls++;
			this.stats.checkFailures += result.failed();
			this.stats.lastPoll = result;
			if (outcome.lastFailureKind() != null) {
				this.stats.lastFailureKind = outcome.lastFailureKind();
			}
			if (result.failedEntirely()) {
				this.stats.consecutiveFailedPolls++;
			}
			else if (result.checked() > 0) {
				this.stats.consecutiveFailedPolls = 0;
				this.stats.lastSuccessAt = result.finishedAt();
			}
		}
		if (result.failed() > 0 && logger.isDebugEnabled()) {
			logger.debug("Poll for secret changes: " + result.failed() + " of " + result.checked() + " checks failed");
		}
		for (SecretRefreshListener listener : this.listeners) {
			try {
				listener.pollCompleted(result);
			}
			catch (RuntimeException ex) {
				logger.warn("Secret refresh listener " + listener.getClass().getName() + " failed; ignored", ex);
			}
		}
		return result;
	}

	private void drain() {
		int applied = this.rotations.apply();
		if (applied > 0) {
			synchronized (this.stats) {
				this.stats.rotations += applied;
			}
		}
	}

	private int consecutiveFailedPolls() {
		synchronized (this.stats) {
			return this.stats.consecutiveFailedPolls;
		}
	}

	/**
	 * The tasks waiting on the refresher's thread (scheduled polls and queued work), for tests.
	 * @return how many
	 */
	int queuedTasks() {
		return this.executor.getQueue().size();
	}

	/**
	 * The wait before the next poll ({@link PollSchedule#nextDelay(int)}), for tests.
	 */
	Duration nextDelay(int failedPolls) {
		return this.schedule.nextDelay(failedPolls);
	}

	private void submit(Runnable task) {
		try {
			this.executor.execute(() -> {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					logger.warn("Secret refresh task failed", ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Shut down with the context: nothing left to refresh.
		}
	}

	private <T> T await(java.util.function.Supplier<T> task) {
		if (Thread.currentThread() == this.refreshThread) {
			return task.get();
		}
		Future<T> future;
		try {
			future = this.executor.submit(task::get);
		}
		catch (RejectedExecutionException ex) {
			throw closed(ex);
		}
		try {
			return future.get();
		}
		catch (CancellationException ex) {
			throw closed(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a secret refresh", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("Secret refresh failed", ex.getCause());
		}
	}

	private static IllegalStateException closed(Exception cause) {
		return new IllegalStateException("The secret refresh did not run: the application context was closed", cause);
	}

	private static final class Stats {

		long polls;

		long rotations;

		long checkFailures;

		int consecutiveFailedPolls;

		@Nullable SecretFailureKind lastFailureKind;

		@Nullable SecretPollResult lastPoll;

		@Nullable Instant lastSuccessAt;

	}

}
