package dev.secretsstarter.local.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.secretsstarter.local.protocol.JsonInput;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.ServiceError;
import dev.secretsstarter.local.store.Tag;
import org.jspecify.annotations.Nullable;

/**
 * The ListSecrets / BatchGetSecretValue {@code Filters}: prefix matches per key, values OR-ed, a
 * leading {@code !} negates, filters AND-ed. Immutable.
 */
final class SecretFilters implements Predicate<Secret> {

	private final List<Predicate<Secret>> filters;

	private SecretFilters(List<Predicate<Secret>> filters) {
		this.filters = filters;
	}

	static SecretFilters from(JsonInput in) {
		List<Predicate<Secret>> filters = new ArrayList<>();
		for (JsonInput filter : in.objectList("Filters")) {
			String key = filter.requireString("Key");
			List<String> values = filter.stringList("Values");
			if (values == null || values.isEmpty() || values.size() > 10) {
				throw ServiceError.invalidParameter("A filter needs 1 to 10 Values.");
			}
			filters.add(filter(key, values));
		}
		return new SecretFilters(filters);
	}

	boolean isEmpty() {
		return this.filters.isEmpty();
	}

	@Override
	public boolean test(Secret secret) {
		return this.filters.stream().allMatch((f) -> f.test(secret));
	}

	private static Predicate<Secret> filter(String key, List<String> values) {
		List<String> positive = values.stream().filter((v) -> !v.startsWith("!")).toList();
		List<String> negative = values.stream().filter((v) -> v.startsWith("!")).map((v) -> v.substring(1)).toList();
		return (secret) -> {
			List<String> attributes = attributes(key, secret);
			boolean caseInsensitive = key.equals("description") || key.equals("all");
			boolean anyPositive = positive.isEmpty()
					|| positive.stream().anyMatch((v) -> matches(attributes, v, caseInsensitive));
			boolean noNegative = negative.stream().noneMatch((v) -> matches(attributes, v, caseInsensitive));
			return anyPositive && noNegative;
		};
	}

	private static boolean matches(List<String> attributes, String value, boolean caseInsensitive) {
		return attributes.stream().anyMatch((a) -> caseInsensitive
				? a.toLowerCase(Locale.ROOT).startsWith(value.toLowerCase(Locale.ROOT)) : a.startsWith(value));
	}

	private static List<String> attributes(String key, Secret secret) {
		return switch (key) {
			case "name" -> List.of(secret.name());
			case "description" -> nonNull(secret.description());
			case "tag-key" -> secret.tags().stream().map(Tag::key).toList();
			case "tag-value" -> secret.tags().stream().map(Tag::value).toList();
			case "primary-region" -> List.of(secret.isReplica() ? secret.primary().region() : secret.region());
			case "owning-service" -> List.of();
			case "all" -> Stream.of(List.of(secret.name()), nonNull(secret.description()),
					attributes("tag-key", secret), attributes("tag-value", secret))
				.flatMap(List::stream)
				.flatMap((a) -> Stream.concat(Stream.of(a), Stream.of(a.split("[\\s/_+=.@-]+"))))
				.toList();
			default -> throw ServiceError.invalidParameter("Unknown filter key " + key
					+ "; use name, description, tag-key, tag-value, primary-region, owning-service or all.");
		};
	}

	private static List<String> nonNull(@Nullable String value) {
		return (value != null) ? List.of(value) : List.of();
	}

}
