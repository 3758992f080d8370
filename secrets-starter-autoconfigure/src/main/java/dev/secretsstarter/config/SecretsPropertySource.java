package dev.secretsstarter.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.secretsstarter.cache.MalformedSecretException;
import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.EnumerablePropertySource;

/**
 * The properties of one {@code aws-secretsmanager:} location: every secret its entries import,
 * merged, later entries winning over earlier ones for the same property. Its name is the location
 * as written without {@code optional:} (it starts with {@value #NAME_PREFIX}), and every property
 * source holding secret values is of this type, so that actuator sanitization can recognise them.
 * <p>
 * A live view over the {@link SecretCache}: when the cache starts serving another snapshot of one
 * of these secrets (after a rotation is detected, {@link SecretCache#put} or
 * {@link SecretCache#refresh} swaps it), the next read exposes its properties with no further
 * work. Reads cost one map lookup in the steady state, however many secrets the location imports:
 * the merged properties are rebuilt only after the cache reported a swap (it counts them for its
 * listeners), and then only if the snapshot of one of these secrets is another instance. A read
 * never does I/O: if a key was evicted, the last snapshot the cache reported for it keeps serving
 * (also one reloaded after the eviction and evicted again before this read). If a new snapshot
 * cannot be flattened (malformed JSON), that secret's previous properties stay and one warning per
 * version is logged. Binary values are copied on each read.
 * <p>
 * Thread-safe: reads are lock-free over an immutable view; rebuilding it is synchronized.
 *
 * @author secrets-starter team
 */
public class SecretsPropertySource extends EnumerablePropertySource<List<SecretKey>> {

	/** Prefix of the name of every property source of secret values. */
	public static final String NAME_PREFIX = SecretImport.PREFIX;

	private static final Log logger = LogFactory.getLog(SecretsPropertySource.class);

	private final SecretCache cache;

	private final SnapshotChanges changes;

	// One per imported secret, in import order; a key may occur twice (two prefixes).
	private final List<SecretKey> keys;

	private final List<String> prefixes;

	private volatile View view;

	SecretsPropertySource(String name, List<Member> members, SecretCache cache, SnapshotChanges changes) {
		super(name, List.copyOf(new LinkedHashSet<>(members.stream().map(Member::key).toList())));
		this.cache = cache;
		this.changes = changes;
		this.keys = members.stream().map(Member::key).toList();
		this.prefixes = members.stream().map(Member::propertyPrefix).toList();
		members.forEach((member) -> changes.track(member.key(), member.snapshot()));
		// -1: the first read checks the snapshots against the cache once.
		this.view = View.of(-1, members.stream().map((member) -> new State(member.snapshot(), member.properties(), null))
			.toList());
	}

	/**
	 * The keys of the secrets this exposes, each once, in import order.
	 * @return an immutable list
	 */
	public List<SecretKey> getSecretKeys() {
		return getSource();
	}

	/**
	 * The snapshot of a secret whose properties are exposed now.
	 * @param key one of {@link #getSecretKeys()}
	 * @return the snapshot, or {@code null} if this does not import the key
	 */
	public @Nullable SecretSnapshot getSnapshot(SecretKey key) {
		View view = update(true);
		SecretSnapshot snapshot = null;
		for (int i = 0; i < this.keys.size(); i++) {
			if (this.keys.get(i).equals(key)) {
				snapshot = view.states().get(i).snapshot();
			}
		}
		return snapshot;
	}

	/**
	 * The properties one secret contributes now (with its entries' prefixes), whether or not a
	 * later entry overrides some of them in {@link #getProperty}. Checks the cache first, so it is
	 * current even if called from a cache listener. For change tracking; never log the values.
	 * @param key one of {@link #getSecretKeys()}
	 * @return a new map, binary values copied; empty if this does not import the key
	 */
	public Map<String, Object> getProperties(SecretKey key) {
		View view = update(true);
		Map<String, Object> properties = new LinkedHashMap<>();
		for (int i = 0; i < this.keys.size(); i++) {
			if (this.keys.get(i).equals(key)) {
				view.states().get(i).properties().forEach((name, value) -> properties.put(name, copy(value)));
			}
		}
		return properties;
	}

	@Override
	public String[] getPropertyNames() {
		return current().names().clone();
	}

	@Override
	public @Nullable Object getProperty(String name) {
		return copy(current().merged().get(name));
	}

	@Override
	public boolean containsProperty(String name) {
		return current().merged().containsKey(name);
	}

	private View current() {
		View view = this.view;
		return (view.changes() == this.changes.count()) ? view : update(false);
	}

	private synchronized View update(boolean always) {
		// Read the count before the snapshots: a swap counted later is seen by a later read.
		long changes = this.changes.count();
		View view = this.view;
		if (!always && view.changes() == changes) {
			return view;
		}
		List<State> states = new ArrayList<>(view.states().size());
		boolean changed = false;
		for (int i = 0; i < this.keys.size(); i++) {
			State state = view.states().get(i);
			State next = next(this.keys.get(i), this.prefixes.get(i), state);
			changed |= next.properties() != state.properties();
			states.add(next);
		}
		View updated = changed ? View.of(changes, states) : view.at(changes, states);
		this.view = updated;
		return updated;
	}

	private State next(SecretKey key, String prefix, State state) {
		SecretSnapshot latest = this.cache.getIfPresent(key);
		if (latest == null) {
			// Evicted: the last snapshot the cache reported, which may be a reload since evicted again.
			latest = this.changes.latest(key);
		}
		// Never back: a snapshot evicted and reloaded may be newer than the one SnapshotChanges heard of last.
		if (latest == null || latest == state.snapshot() || latest == state.rejected()
				|| latest.isOlderThan(state.snapshot())) {
			return state;
		}
		try {
			return new State(latest, SecretPropertiesFlattener.flatten(latest, prefix), null);
		}
		catch (MalformedSecretException ex) {
			SecretSnapshot rejected = state.rejected();
			if (rejected == null || !rejected.versionId().equals(latest.versionId())) {
				logger.warn(ex.getMessage() + " Keeping the properties of version " + state.snapshot().versionId());
			}
			return new State(state.snapshot(), state.properties(), latest);
		}
	}

	private static @Nullable Object copy(@Nullable Object value) {
		return (value instanceof byte[] bytes) ? bytes.clone() : value;
	}

	/**
	 * One imported secret as loaded: the key, its entry's property prefix, the snapshot and its
	 * flattened properties.
	 */
	record Member(SecretKey key, String propertyPrefix, SecretSnapshot snapshot, Map<String, Object> properties) {

		// The properties are the secret's values: names only.
		@Override
		public String toString() {
			return "Member[key=" + this.key + ", propertyPrefix=" + this.propertyPrefix + ", snapshot=" + this.snapshot
					+ ", properties=" + this.properties.keySet() + "]";
		}

	}

	/**
	 * What one secret exposes: the snapshot, its properties, and the last snapshot that could not
	 * be flattened (not flattened again, warned about once per version).
	 */
	private record State(SecretSnapshot snapshot, Map<String, Object> properties, @Nullable SecretSnapshot rejected) {

		@Override
		public String toString() {
			return "State[snapshot=" + this.snapshot + ", properties=" + this.properties.keySet() + ", rejected="
					+ this.rejected + "]";
		}

	}

	/**
	 * Immutable: the swap count it is current for, the per-secret states, and their merge.
	 */
	private record View(long changes, List<State> states, Map<String, Object> merged, String[] names) {

		static View of(long changes, List<State> states) {
			Map<String, Object> merged = new LinkedHashMap<>();
			states.forEach((state) -> merged.putAll(state.properties()));
			return new View(changes, List.copyOf(states), Collections.unmodifiableMap(merged),
					merged.keySet().toArray(String[]::new));
		}

		View at(long changes, List<State> states) {
			return new View(changes, List.copyOf(states), this.merged, this.names);
		}

		@Override
		public String toString() {
			return "View[changes=" + this.changes + ", states=" + this.states + ", names=" + this.merged.keySet() + "]";
		}

	}

}
