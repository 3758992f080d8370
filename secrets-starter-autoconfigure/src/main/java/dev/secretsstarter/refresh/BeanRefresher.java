package dev.secretsstarter.refresh;

import java.util.Set;

import dev.secretsstarter.cache.SecretKey;

/**
 * Brings beans that copied secret values at creation up to date after a rotation: with
 * spring-cloud-context, the {@code @ConfigurationProperties} beans bound from changed properties
 * and the {@code @RefreshScope} beans that read them. Called once per poll cycle with everything
 * that changed in it, on the refresher's thread.
 */
@FunctionalInterface
interface BeanRefresher {

	/** Refreshes nothing: without spring-cloud-context only the rest of the refresh applies. */
	BeanRefresher NONE = (keys, names) -> {
	};

	/**
	 * Refresh the beans that depend on changed secrets.
	 * @param changedKeys the cache keys with a new version
	 * @param changedPropertyNames the names of changed properties of the Environment
	 */
	void refresh(Set<SecretKey> changedKeys, Set<String> changedPropertyNames);

}
