package dev.secretsstarter.cache;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Where the application uses each secret: a config import, a {@code @SecretValue} site, a live
 * handle. Change detection tracks exactly these keys; the actuator endpoint shows them.
 * <p>
 * Thread-safe. One instance per application, shared by the config-data phase and the context.
 *
 * @author secrets-starter team
 */
public final class SecretUsages {

	private final Map<SecretKey, Set<String>> usages = new ConcurrentHashMap<>();

	/**
	 * Record a use of a secret.
	 * @param key the cache key used
	 * @param usage a description without values, for example
	 * {@code "import aws-secretsmanager:db/credentials"} or {@code "@SecretValue orderService.password"}
	 */
	public void record(SecretKey key, String usage) {
		this.usages.computeIfAbsent(key, (k) -> ConcurrentHashMap.newKeySet()).add(usage);
	}

	/**
	 * The keys in use.
	 * @return an immutable copy
	 */
	public Set<SecretKey> keys() {
		return Set.copyOf(this.usages.keySet());
	}

	/**
	 * The uses of one key.
	 * @param key the key
	 * @return an immutable copy, empty if unused
	 */
	public Set<String> usagesOf(SecretKey key) {
		Set<String> found = this.usages.get(key);
		return (found != null) ? Set.copyOf(found) : Set.of();
	}

	/**
	 * The secret ids in use, whatever their stage or version.
	 * @return an immutable set
	 */
	public Set<String> secretIds() {
		return this.usages.keySet().stream().map(SecretKey::secretId).collect(Collectors.toUnmodifiableSet());
	}

}
