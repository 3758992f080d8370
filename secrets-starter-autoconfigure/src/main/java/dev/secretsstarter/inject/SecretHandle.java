package dev.secretsstarter.inject;

import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;

/**
 * A live view of a secret's value: {@link #get()} always returns the value of the version the
 * cache currently serves, with no refresh call and no restart.
 * <p>
 * Inject it with {@link SecretValue @SecretValue} wherever a value must follow rotation, in
 * particular in constructor and {@code @Bean} method parameters, which are never re-injected:
 * <pre class="code">
 * OrderClient(&#064;SecretValue("api/credentials") SecretHandle&lt;ApiCredentials&gt; credentials) {
 *     this.credentials = credentials;
 * }
 * void call() {
 *     ApiCredentials current = this.credentials.get();   // cheap: one volatile read
 * }
 * </pre>
 * <p>
 * Thread-safe. {@link #get()} is wait-free and allocates nothing: the handle holds a volatile
 * reference to an immutable (version, converted value) pair that is replaced when the cache
 * reports a new version; the conversion runs once per version, on the thread that swapped the
 * cache entry, never on a reader's thread. Readers see either the old or the new value, never a
 * mix. {@code get()} returns the same instance until the version changes, so treat the value as
 * read-only ({@code char[]} and {@code byte[]} values are shared between callers).
 *
 * @param <T> the type of the value
 * @author secrets-starter team
 */
public final class SecretHandle<T> {

	private final @Nullable SecretKey key;

	private final @Nullable String jsonKey;

	private volatile Current<T> current;

	private SecretHandle(@Nullable SecretKey key, @Nullable String jsonKey, Current<T> current) {
		this.key = key;
		this.jsonKey = jsonKey;
		this.current = current;
	}

	/**
	 * A handle with a fixed value and no secret behind it, for tests of code that takes a handle.
	 * @param <T> the type of the value
	 * @param value the value {@link #get()} returns
	 * @return a handle that never changes
	 */
	public static <T> SecretHandle<T> of(@Nullable T value) {
		return new SecretHandle<>(null, null, new Current<>(null, value));
	}

	static <T> SecretHandle<T> live(SecretKey key, @Nullable String jsonKey, @Nullable SecretSnapshot snapshot,
			@Nullable T value) {
		return new SecretHandle<>(key, jsonKey, new Current<>(snapshot, value));
	}

	/**
	 * The current value.
	 * @return the value converted from the version the cache serves, or {@code null} if the
	 * secret is optional ({@code required = false}) and not present
	 */
	public @Nullable T get() {
		return this.current.value;
	}

	/**
	 * The version id of the current value.
	 * @return the version id, or {@code null} for a fixed handle or an absent optional secret
	 */
	public @Nullable String versionId() {
		SecretSnapshot snapshot = this.current.snapshot;
		return (snapshot != null) ? snapshot.versionId() : null;
	}

	/**
	 * The cache key this handle follows.
	 * @return the key, or {@code null} for a handle created with {@link #of(Object)}
	 */
	public @Nullable SecretKey secretKey() {
		return this.key;
	}

	/**
	 * The JSON key this handle extracts.
	 * @return the JSON key, or {@code null} when the whole value is used
	 */
	public @Nullable String jsonKey() {
		return this.jsonKey;
	}

	/**
	 * Switch to the snapshot the cache serves now unless it is the version already held.
	 * Synchronized, and the snapshot is read under the lock, so that concurrent swaps end on the
	 * latest version; readers never wait for it.
	 * @param latest supplies the snapshot the cache serves now, or {@code null}
	 * @param converter converts the snapshot to the value, once per version
	 * @return whether the handle changed
	 */
	synchronized boolean update(Supplier<@Nullable SecretSnapshot> latest,
			Function<SecretSnapshot, @Nullable T> converter) {
		SecretSnapshot snapshot = latest.get();
		if (snapshot == null || snapshot.isSameVersion(this.current.snapshot)) {
			return false;
		}
		this.current = new Current<>(snapshot, converter.apply(snapshot));
		return true;
	}

	@Override
	public String toString() {
		return "SecretHandle[key=" + this.key + ((this.jsonKey != null) ? ", jsonKey=" + this.jsonKey : "")
				+ ", versionId=" + versionId() + ", value=<hidden>]";
	}

	/**
	 * An immutable (version, value) pair so that one volatile read gives a consistent view.
	 */
	private record Current<T>(@Nullable SecretSnapshot snapshot, @Nullable T value) {

		@Override
		public String toString() {
			return "Current[<hidden>]";
		}

	}

}
