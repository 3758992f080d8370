package dev.secretsstarter.core;

import java.util.List;

/**
 * Result of validating a resource policy.
 * <p>
 * Immutable and thread-safe.
 *
 * @param passed whether the policy passed every check
 * @param errors the failed checks, as "check: message"
 * @author secrets-starter team
 */
public record PolicyValidation(boolean passed, List<String> errors) {

	/**
	 * Create a result; the errors are copied.
	 */
	public PolicyValidation {
		errors = List.copyOf(errors);
	}

}
