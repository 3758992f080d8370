package dev.secretsstarter.core;

import org.jspecify.annotations.Nullable;

/**
 * Options of {@link SecretsOperations#randomPassword(PasswordOptions)}. Unset options take the
 * service's defaults (32 characters, every character type, each type included).
 * <p>
 * Immutable and thread-safe.
 *
 * <pre class="code">
 * operations.randomPassword(PasswordOptions.defaults().length(20).withoutPunctuation());
 * </pre>
 *
 * @param length the number of characters, or {@code null} for the service default
 * @param excludeCharacters characters never to use, or {@code null}
 * @param excludeNumbers whether to leave digits out
 * @param excludePunctuation whether to leave punctuation out
 * @param excludeUppercase whether to leave upper-case letters out
 * @param excludeLowercase whether to leave lower-case letters out
 * @param includeSpace whether the space character may appear
 * @param requireEachIncludedType whether each included character type must appear
 * @author secrets-starter team
 */
public record PasswordOptions(@Nullable Long length, @Nullable String excludeCharacters, boolean excludeNumbers,
		boolean excludePunctuation, boolean excludeUppercase, boolean excludeLowercase, boolean includeSpace,
		boolean requireEachIncludedType) {

	/**
	 * The service's defaults.
	 * @return the options
	 */
	public static PasswordOptions defaults() {
		return new PasswordOptions(null, null, false, false, false, false, false, true);
	}

	/**
	 * These options with a length.
	 * @param length the number of characters
	 * @return new options
	 */
	public PasswordOptions length(long length) {
		return new PasswordOptions(length, this.excludeCharacters, this.excludeNumbers, this.excludePunctuation,
				this.excludeUppercase, this.excludeLowercase, this.includeSpace, this.requireEachIncludedType);
	}

	/**
	 * These options without some characters.
	 * @param characters the characters never to use
	 * @return new options
	 */
	public PasswordOptions excludeCharacters(String characters) {
		return new PasswordOptions(this.length, characters, this.excludeNumbers, this.excludePunctuation,
				this.excludeUppercase, this.excludeLowercase, this.includeSpace, this.requireEachIncludedType);
	}

	/**
	 * These options without digits.
	 * @return new options
	 */
	public PasswordOptions withoutNumbers() {
		return new PasswordOptions(this.length, this.excludeCharacters, true, this.excludePunctuation,
				this.excludeUppercase, this.excludeLowercase, this.includeSpace, this.requireEachIncludedType);
	}

	/**
	 * These options without punctuation.
	 * @return new options
	 */
	public PasswordOptions withoutPunctuation() {
		return new PasswordOptions(this.length, this.excludeCharacters, this.excludeNumbers, true,
				this.excludeUppercase, this.excludeLowercase, this.includeSpace, this.requireEachIncludedType);
	}

	/**
	 * These options without upper-case letters.
	 * @return new options
	 */
	public PasswordOptions withoutUppercase() {
		return new PasswordOptions(this.length, this.excludeCharacters, this.excludeNumbers, this.excludePunctuation,
				true, this.excludeLowercase, this.includeSpace, this.requireEachIncludedType);
	}

	/**
	 * These options without lower-case letters.
	 * @return new options
	 */
	public PasswordOptions withoutLowercase() {
		return new PasswordOptions(this.length, this.excludeCharacters, this.excludeNumbers, this.excludePunctuation,
				this.excludeUppercase, true, this.includeSpace, this.requireEachIncludedType);
	}

	/**
	 * These options allowing the space character.
	 * @return new options
	 */
	public PasswordOptions withSpace() {
		return new PasswordOptions(this.length, this.excludeCharacters, this.excludeNumbers, this.excludePunctuation,
				this.excludeUppercase, this.excludeLowercase, true, this.requireEachIncludedType);
	}

}
