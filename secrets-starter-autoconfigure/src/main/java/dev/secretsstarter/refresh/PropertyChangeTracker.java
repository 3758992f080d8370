package dev.secretsstarter.refresh;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.secretsstarter.cache.MalformedSecretException;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.config.SecretPropertiesFlattener;
import dev.secretsstarter.config.SecretsPropertySource;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Works out which property names a rotation changed. For an imported secret it compares what the
 * secret contributes to each {@link SecretsPropertySource} importing it before with what it
 * contributes now (so the names carry the entry's prefix, as beans read them, and a change of one
 * secret of a location is attributed to that secret only); for a secret used only through
 * {@code @SecretValue} it compares the flattened JSON of the two snapshots. Values are compared in
 * memory and never leave this class. Created and first filled on the thread creating the
 * refresher, then confined to the refresher's thread (tasks handed to it see what came before).
 */
final class PropertyChangeTracker {

	private final ConfigurableEnvironment environment;

	private final Map<Contribution, Map<String, Object>> known = new HashMap<>();

	PropertyChangeTracker(ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	/**
	 * Remember what every secret contributes to every secrets property source now, unless it is
	 * known already: a contribution known is the one before any change not yet worked out, which
	 * the property source (a live view) no longer shows.
	 */
	void remember() {
		for (PropertySource<?> source : this.environment.getPropertySources()) {
			if (source instanceof SecretsPropertySource secrets) {
				for (SecretKey key : secrets.getSecretKeys()) {
					this.known.computeIfAbsent(new Contribution(secrets.getName(), key),
							(contribution) -> secrets.getProperties(key));
				}
			}
		}
	}

	/**
	 * The snapshot of every imported secret whose properties the Environment exposes now.
	 * @return the snapshots by key
	 */
	Map<SecretKey, SecretSnapshot> importedSnapshots() {
		Map<SecretKey, SecretSnapshot> snapshots = new LinkedHashMap<>();
		for (PropertySource<?> source : this.environment.getPropertySources()) {
			if (source instanceof SecretsPropertySource secrets) {
				for (SecretKey key : secrets.getSecretKeys()) {
					SecretSnapshot snapshot = secrets.getSnapshot(key);
					if (snapshot != null) {
						snapshots.putIfAbsent(key, snapshot);
					}
				}
			}
		}
		return snapshots;
	}

	/**
	 * The changed names of the properties of changed keys.
	 * @param changes the changed keys with their previous and current snapshots
	 * @param environmentNames receives the names of changed properties of the Environment
	 * @return the changed names per key (environment names for imported secrets)
	 */
	Map<SecretKey, Set<String>> changedNames(Map<SecretKey, RotationApplier.Change> changes,
			Set<String> environmentNames) {
		Map<SecretKey, Set<String>> names = new LinkedHashMap<>();
		for (PropertySource<?> source : this.environment.getPropertySources()) {
			if (source instanceof SecretsPropertySource secrets) {
				for (SecretKey key : secrets.getSecretKeys()) {
					if (changes.containsKey(key)) {
						Map<String, Object> now = secrets.getProperties(key);
						Map<String, Object> before = this.known.put(new Contribution(secrets.getName(), key), now);
						Set<String> changed = diff((before != null) ? before : Map.of(), now);
						names.computeIfAbsent(key, (changedKey) -> new TreeSet<>()).addAll(changed);
						environmentNames.addAll(changed);
					}
				}
			}
		}
		changes.forEach((key, change) -> {
			if (!names.containsKey(key)) {
				names.put(key, diff(flatten(change.previous()), flatten(change.current())));
			}
		});
		return names;
	}

	private static Map<String, Object> flatten(SecretSnapshot snapshot) {
		try {
			return SecretPropertiesFlattener.flatten(snapshot, "");
		}
		catch (MalformedSecretException ex) {
			return Map.of();
		}
	}

	// What one secret contributes to one property source (a location).
	private record Contribution(String sourceName, SecretKey key) {

	}

	private static Set<String> diff(Map<String, Object> before, Map<String, Object> after) {
		Set<String> changed = new TreeSet<>();
		before.forEach((name, value) -> {
			if (!Objects.deepEquals(value, after.get(name))) {
				changed.add(name);
			}
		});
		after.keySet().stream().filter((name) -> !before.containsKey(name)).forEach(changed::add);
		return changed;
	}

}
