package dev.secretsstarter.local.store;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The service's input rules for names and tags. Stateless.
 */
public final class Validation {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");

	public static final int MAX_TAGS = 50;

	private Validation() {
	}

	public static void name(String name) {
		if (name.isEmpty() || name.length() > 512) {
			throw ServiceError.invalidParameter("The secret name must be 1 to 512 characters long.");
		}
		if (!NAME.matcher(name).matches()) {
			throw ServiceError.invalidParameter(
					"The secret name can contain only ASCII letters, numbers and the characters /_+=.@-");
		}
	}

	public static void tag(Tag tag) {
		if (tag.key().isEmpty() || tag.key().length() > 127) {
			throw ServiceError.invalidParameter("A tag key must be 1 to 127 characters long.");
		}
		if (tag.value().length() > 255) {
			throw ServiceError.invalidParameter("A tag value must be at most 255 characters long.");
		}
		if (reserved(tag.key())) {
			throw ServiceError.invalidParameter("Tag keys starting with aws: are reserved for AWS use.");
		}
	}

	public static boolean reserved(String tagKey) {
		return tagKey.regionMatches(true, 0, "aws:", 0, 4);
	}

	public static void tagCount(Collection<Tag> tags) {
		long counted = tags.stream().filter((t) -> !reserved(t.key())).count();
		if (counted > MAX_TAGS) {
			throw ServiceError.limitExceeded("A secret can have at most " + MAX_TAGS + " tags.");
		}
	}

	public static void clientRequestToken(String token) {
		if (token.length() < 32 || token.length() > 64) {
			throw ServiceError.invalidParameter("ClientRequestToken must be 32 to 64 characters long.");
		}
	}

}
