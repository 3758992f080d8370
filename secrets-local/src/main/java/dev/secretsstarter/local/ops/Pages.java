package dev.secretsstarter.local.ops;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.secretsstarter.local.protocol.JsonInput;
import dev.secretsstarter.local.store.ServiceError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Offset pagination behind an opaque NextToken. Immutable.
 *
 * @param from the first index of the page
 * @param size the page size
 */
record Pages(int from, int size) {

	static Pages from(JsonInput in, int defaultSize, int maxSize) {
		Integer max = in.integer("MaxResults");
		if (max != null && (max < 1 || max > maxSize)) {
			throw ServiceError.invalidParameter("MaxResults must be between 1 and " + maxSize + ".");
		}
		return new Pages(decode(in.string("NextToken")), (max != null) ? max : defaultSize);
	}

	/** @return this page of {@code all}, writing NextToken into {@code response} when more remain */
	<T> List<T> page(List<T> all, ObjectNode response) {
		int start = Math.min(this.from, all.size());
		int end = Math.min(start + this.size, all.size());
		if (end < all.size()) {
			response.put("NextToken", encode(end));
		}
		return all.subList(start, end);
	}

	private static String encode(int offset) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
	}

	private static int decode(@Nullable String token) {
		if (token == null) {
			return 0;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			if (text.startsWith("offset:")) {
				int offset = Integer.parseInt(text.substring(7));
				if (offset >= 0) {
					return offset;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the service's error
		}
		throw new ServiceError("InvalidNextTokenException", 400, "The NextToken value is not valid.");
	}

}
