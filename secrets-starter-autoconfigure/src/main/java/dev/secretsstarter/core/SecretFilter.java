package dev.secretsstarter.core;

import java.util.List;

import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;

/**
 * A filter of {@link SecretsOperations#list}. Values match by prefix and are case sensitive; a
 * value starting with {@code !} negates it, as in the service's ListSecrets.
 * <p>
 * Immutable and thread-safe.
 *
 * @param key what the values are matched against
 * @param values the values, any of which may match
 * @author secrets-starter team
 */
public record SecretFilter(Key key, List<String> values) {

	/**
	 * Create a filter.
	 * @param key what the values are matched against
	 * @param values the values
	 */
	public SecretFilter {
		values = List.copyOf(values);
	}

	/**
	 * Secrets whose name starts with one of the values.
	 * @param values name prefixes
	 * @return the filter
	 */
	public static SecretFilter name(String... values) {
		return new SecretFilter(Key.NAME, List.of(values));
	}

	/**
	 * Secrets whose description starts with one of the values.
	 * @param values description prefixes
	 * @return the filter
	 */
	public static SecretFilter description(String... values) {
		return new SecretFilter(Key.DESCRIPTION, List.of(values));
	}

	/**
	 * Secrets with a tag whose key starts with one of the values.
	 * @param values tag key prefixes
	 * @return the filter
	 */
	public static SecretFilter tagKey(String... values) {
		return new SecretFilter(Key.TAG_KEY, List.of(values));
	}

	/**
	 * Secrets with a tag whose value starts with one of the values.
	 * @param values tag value prefixes
	 * @return the filter
	 */
	public static SecretFilter tagValue(String... values) {
		return new SecretFilter(Key.TAG_VALUE, List.of(values));
	}

	/**
	 * Secrets where any of name, description, tag keys and values start with one of the values.
	 * @param values prefixes
	 * @return the filter
	 */
	public static SecretFilter any(String... values) {
		return new SecretFilter(Key.ALL, List.of(values));
	}

	Filter toSdkFilter() {
		return Filter.builder().key(this.key.sdkKey).values(this.values).build();
	}

	/**
	 * What a filter matches against.
	 */
	public enum Key {

		/** The secret's name. */
		NAME(FilterNameStringType.NAME),

		/** The secret's description. */
		DESCRIPTION(FilterNameStringType.DESCRIPTION),

		/** The keys of the secret's tags. */
		TAG_KEY(FilterNameStringType.TAG_KEY),

		/** The values of the secret's tags. */
		TAG_VALUE(FilterNameStringType.TAG_VALUE),

		/** The primary region of a replicated secret. */
		PRIMARY_REGION(FilterNameStringType.PRIMARY_REGION),

		/** The service that owns a managed secret. */
		OWNING_SERVICE(FilterNameStringType.OWNING_SERVICE),

		/** Name, description, tag keys and tag values. */
		ALL(FilterNameStringType.ALL);

		private final FilterNameStringType sdkKey;

		Key(FilterNameStringType sdkKey) {
			this.sdkKey = sdkKey;
		}

	}

}
