package dev.secretsstarter.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.refresh.SecretRotatedEvent;
import dev.secretsstarter.refresh.SecretsRefresher;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.SmartApplicationListener;

/**
 * Waits, with a bound, until the application has picked up a new version of a secret, so a test
 * can rotate a secret and then assert on beans without sleeping.
 * <p>
 * Every new AWSCURRENT version of a secret the application takes into use is recorded, per
 * secret id, in order; {@link #awaitRotation} takes the oldest one not yet taken, waiting for it
 * if needed. So it does not matter whether the refresh happened before or after the call.
 * Initial loads are not rotations.
 * <pre>{@code
 * @Autowired SecretRefreshAwaiter refreshes;
 *
 * secrets.rotate("db/credentials", "{\"password\":\"dummy-2\"}");
 * SecretRefreshAwaiter.Rotation rotation = refreshes.awaitRotation("db/credentials", Duration.ofSeconds(10));
 * }</pre>
 * What counts as "picked up" depends on the application:
 * <ul>
 * <li>With a {@link SecretsRefresher} bean (the default whenever the starter is active, whether
 * or not {@code secrets.refresh.enabled} schedules polls), a rotation is recorded when the
 * application publishes its {@link SecretRotatedEvent}: after {@code @SecretValue} sites and
 * handles, rebound {@code @ConfigurationProperties} and refreshed {@code @RefreshScope} beans are
 * all current. The rotation carries the changed property names.</li>
 * <li>Without one (the refresh auto-configuration excluded, or {@link #forCache} used directly),
 * it is recorded when the cache swaps to the new version: {@code @SecretValue} sites and handles
 * are current then, other beans may not be yet; the changed property names are unknown.</li>
 * </ul>
 * Thread-safe.
 *
 * @author secrets-starter team
 */
public final class SecretRefreshAwaiter {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition recorded = this.lock.newCondition();

	private final Map<String, Queue<Rotation>> rotations = new HashMap<>();

	// Every rotation recorded since the last clear, taken or not: what a timeout reports as seen.
	private final Map<String, Integer> seen = new LinkedHashMap<>();

	private volatile Source source = Source.NONE;

	private SecretRefreshAwaiter() {
	}

	/**
	 * An awaiter that observes the application's secret cache: a version swap counts as a
	 * rotation, before dependent {@code @ConfigurationProperties} or {@code @RefreshScope} beans
	 * were refreshed. Prefer {@link #forApplication} where a context is at hand.
	 * @param cache the cache whose version swaps count as rotations
	 * @return a new awaiter, recording from now on
	 */
	public static SecretRefreshAwaiter forCache(SecretCache cache) {
		SecretRefreshAwaiter awaiter = new SecretRefreshAwaiter();
		awaiter.observe(cache);
		return awaiter;
	}

	/**
	 * An awaiter that observes the application's {@link SecretRotatedEvent}s, so a rotation is
	 * returned only once every dependent bean is current; if the context turns out to have no
	 * {@link SecretsRefresher} bean, it observes the cache's version swaps instead, as
	 * {@link #forCache} does. The choice is made when the context has been refreshed (at once if
	 * it already has), so this can be called on a context that is still being prepared.
	 * @param context the application context
	 * @return a new awaiter, recording from now on
	 */
	public static SecretRefreshAwaiter forApplication(ConfigurableApplicationContext context) {
		SecretRefreshAwaiter awaiter = new SecretRefreshAwaiter();
		Binding binding = new Binding(awaiter, context);
		context.addApplicationListener(binding);
		if (context.isActive()) {
			binding.chooseSource();
		}
		return awaiter;
	}

	private void observe(SecretCache cache) {
		this.source = Source.CACHE;
		cache.addListener(this::onSnapshotChanged);
	}

	private void onSnapshotChanged(SecretKey key, @Nullable SecretSnapshot previous, SecretSnapshot current) {
		if (previous == null || current.isSameVersion(previous) || !isCurrent(key)) {
			return;
		}
		record(new Rotation(key.secretId(), previous.versionId(), current.versionId()));
	}

	private void onRotated(SecretRotatedEvent event) {
		String previous = event.getPreviousVersionId();
		// Only a refresher publishes these, so one may arrive before the source is chosen.
		if (this.source == Source.CACHE || previous == null || !isCurrent(event.getSecretKey())) {
			return;
		}
		record(new Rotation(event.getSecretId(), previous, event.getNewVersionId(),
				event.getChangedPropertyNames()));
	}

	private static boolean isCurrent(SecretKey key) {
		return SecretKey.AWSCURRENT.equals(key.versionStage());
	}

	void record(Rotation rotation) {
		this.lock.lock();
		try {
			this.rotations.computeIfAbsent(rotation.secretId(), (id) -> new ArrayDeque<>()).add(rotation);
			this.seen.merge(rotation.secretId(), 1, Integer::sum);
			this.recorded.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Takes the oldest rotation of the secret not yet taken, waiting up to {@code timeout} for one.
	 * @param secretId the secret id as the application names it
	 * @param timeout the longest wait
	 * @return the rotation: secret id, previous and new version ids, changed property names
	 * (never values)
	 * @throws AssertionError when no rotation arrives in time
	 */
	public Rotation awaitRotation(String secretId, Duration timeout) {
		long remaining = timeout.toNanos();
		this.lock.lock();
		try {
			while (true) {
				Queue<Rotation> queue = this.rotations.get(secretId);
				Rotation next = (queue != null) ? queue.poll() : null;
				if (next != null) {
					return next;
				}
				if (remaining <= 0) {
					throw new AssertionError("Secret '" + secretId + "' was not seen rotating within " + timeout
							+ " (" + this.source.description + "). " + describeSeen(secretId) + " "
							+ this.source.action);
				}
				remaining = this.recorded.awaitNanos(remaining);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for secret '" + secretId + "' to rotate", ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	// Ids and counts only, never a value. Called with the lock held.
	private String describeSeen(String secretId) {
		if (this.seen.isEmpty()) {
			return "No rotation of any secret was seen since the awaiter was created or cleared (before each "
					+ "test).";
		}
		StringJoiner sentences = new StringJoiner(" ");
		if (this.seen.containsKey(secretId)) {
			sentences.add("'" + secretId + "' rotated " + this.seen.get(secretId)
					+ " time(s), each already taken by an earlier awaitRotation.");
		}
		StringJoiner others = new StringJoiner(", ");
		this.seen.forEach((id, count) -> {
			if (!id.equals(secretId)) {
				Queue<Rotation> queue = this.rotations.get(id);
				int waiting = (queue != null) ? queue.size() : 0;
				others.add("'" + id + "' (" + count + ", "
						+ ((waiting > 0) ? waiting + " not taken" : "already taken") + ")");
			}
		});
		if (others.length() > 0) {
			sentences.add("Seen instead: " + others + "; await a secret by the id the application uses for it.");
		}
		return sentences.toString();
	}

	/**
	 * Forgets every rotation recorded, taken or not.
	 */
	public void clear() {
		this.lock.lock();
		try {
			this.rotations.clear();
			this.seen.clear();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * A new version of a secret that reached the application. Carries names and ids only, never
	 * values.
	 *
	 * @param secretId the secret id
	 * @param previousVersionId the version the application had
	 * @param currentVersionId the version it has now
	 * @param changedPropertyNames the names of the properties whose values changed (for an
	 * imported secret with its import prefix, otherwise the flattened JSON keys); empty if only
	 * the version changed, or when observing the cache, which does not know them
	 */
	public record Rotation(String secretId, String previousVersionId, String currentVersionId,
			Set<String> changedPropertyNames) {

		/**
		 * Create a rotation, copying the names.
		 */
		public Rotation {
			changedPropertyNames = Set.copyOf(changedPropertyNames);
		}

		/**
		 * Create a rotation whose changed property names are unknown.
		 * @param secretId the secret id
		 * @param previousVersionId the version the application had
		 * @param currentVersionId the version it has now
		 */
		public Rotation(String secretId, String previousVersionId, String currentVersionId) {
			this(secretId, previousVersionId, currentVersionId, Set.of());
		}

	}

	/**
	 * What the awaiter observes; its description goes into the failure message.
	 */
	private enum Source {

		NONE("not attached to the application yet", "Await after the application context has started."),

		EVENTS("waiting for SecretRotatedEvent", "Check that the secret is used by the application (an import, "
				+ "@SecretValue or a handle), that it really changed, and that polls run often enough "
				+ "(secrets.refresh.interval) or secrets.refresh.local-push is on."),

		CACHE("no SecretsRefresher in the application, waiting for the cache to swap versions",
				"Refresh the cache in the test, or enable the refresh auto-configuration."),

		NO_CACHE("the application has no secret cache",
				"Check that the starter is enabled (secrets.enabled) and configured for the test.");

		private final String description;

		private final String action;

		Source(String description, String action) {
			this.description = description;
			this.action = action;
		}

	}

	/**
	 * Feeds the awaiter from one context: its rotation events, or its cache when it has no
	 * refresher (decided once the context is refreshed).
	 */
	private static final class Binding implements SmartApplicationListener {

		private final SecretRefreshAwaiter awaiter;

		private final ConfigurableApplicationContext context;

		private final AtomicBoolean chosen = new AtomicBoolean();

		Binding(SecretRefreshAwaiter awaiter, ConfigurableApplicationContext context) {
			this.awaiter = awaiter;
			this.context = context;
		}

		@Override
		public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
			return SecretRotatedEvent.class.isAssignableFrom(eventType)
					|| ContextRefreshedEvent.class.isAssignableFrom(eventType);
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof SecretRotatedEvent rotated) {
				this.awaiter.onRotated(rotated);
			}
			else if (event instanceof ContextRefreshedEvent refreshed
					&& refreshed.getApplicationContext() == this.context) {
				chooseSource();
			}
		}

		void chooseSource() {
			if (!this.chosen.compareAndSet(false, true)) {
				return;
			}
			if (this.context.getBeanNamesForType(SecretsRefresher.class, false, false).length > 0) {
				this.awaiter.source = Source.EVENTS;
				return;
			}
			SecretCache cache = this.context.getBeanProvider(SecretCache.class).getIfAvailable();
			if (cache != null) {
				this.awaiter.observe(cache);
			}
			else {
				this.awaiter.source = Source.NO_CACHE;
			}
		}

	}

}
