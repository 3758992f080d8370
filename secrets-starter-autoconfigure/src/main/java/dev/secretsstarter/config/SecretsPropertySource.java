package dev.secretsstarter.config;

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
 * The properties of one imported secret. Its name starts with {@value #NAME_PREFIX}, and every
 * property source holding secret values is of this type, so that actuator sanitization can
 * recognise them.
 * <p>
 * A live view: it holds the {@link SecretKey} and reads the cache's current snapshot on each
 * access; the properties are computed once per snapshot instance and recomputed only when the
 * cache starts serving another one (after a rotation is detected, {@link SecretCache#put} or
 * {@link SecretCache#refresh} swaps the snapshot and this picks it up with no further work). If
 * the key was evicted, the last snapshot seen keeps serving, so a read never does I/O. If a new
 * snapshot cannot be flattened (malformed JSON), the previous properties stay and a warning is
 * logged. Thread-safe.
 *
 * @author secrets-starter team
 */
public class SecretsPropertySource extends EnumerablePropertySource<SecretKey> {

	/** Prefix of the name of every property source of secret values. */
	public static final String NAME_PREFIX = SecretImport.PREFIX;

	private static final Log logger = LogFactory.getLog(SecretsPropertySource.class);

	private final SecretCache cache;

	private final String propertyPrefix;

	private volatile Flattened current;

	SecretsPropertySource(String name, SecretKey key, String propertyPrefix, SecretCache cache,
			SecretSnapshot snapshot, Map<String, Object> properties) {
		super(NAME_PREFIX + name, key);
		this.cache = cache;
		this.propertyPrefix = propertyPrefix;
		this.current = new Flattened(snapshot, properties);
	}

	/**
	 * The key of the secret this exposes.
	 * @return the key
	 */
	public SecretKey getSecretKey() {
		return getSource();
	}

	/**
	 * The snapshot whose properties are exposed now.
	 * @return the snapshot
	 */
	public SecretSnapshot getSnapshot() {
		return current().snapshot();
	}

	@Override
	public String[] getPropertyNames() {
		return current().properties().keySet().toArray(String[]::new);
	}

	@Override
	public @Nullable Object getProperty(String name) {
		Object value = current().properties().get(name);
		return (value instanceof byte[] bytes) ? bytes.clone() : value;
	}

	@Override
	public boolean containsProperty(String name) {
		return current().properties().containsKey(name);
	}

	private Flattened current() {
		Flattened flattened = this.current;
		SecretSnapshot latest = this.cache.getIfPresent(getSource());
		if (latest == null || latest == flattened.snapshot()) {
			return flattened;
		}
		try {
			Flattened updated = new Flattened(latest, SecretPropertiesFlattener.flatten(latest, this.propertyPrefix));
			this.current = updated;
			return updated;
		}
		catch (MalformedSecretException ex) {
			if (flattened.warnedVersion() == null || !flattened.warnedVersion().equals(latest.versionId())) {
				logger.warn(ex.getMessage() + " Keeping the properties of version " + flattened.snapshot().versionId());
				this.current = flattened.warned(latest.versionId());
			}
			return flattened;
		}
	}

	private record Flattened(SecretSnapshot snapshot, Map<String, Object> properties, @Nullable String warnedVersion) {

		Flattened(SecretSnapshot snapshot, Map<String, Object> properties) {
			this(snapshot, properties, null);
		}

		Flattened warned(String versionId) {
			return new Flattened(this.snapshot, this.properties, versionId);
		}

	}

}
