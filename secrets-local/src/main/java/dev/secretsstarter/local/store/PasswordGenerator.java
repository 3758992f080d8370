package dev.secretsstarter.local.store;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GetRandomPassword's generator and rules. Uses {@link SecureRandom}; thread-safe.
 */
public final class PasswordGenerator {

	private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

	private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private static final String DIGITS = "0123456789";

	private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

	private static final SecureRandom random = new SecureRandom();

	/**
	 * The GetRandomPassword parameters, with the service's defaults from {@link #defaults()}. Immutable.
	 */
	public record Rules(int length, String excludeCharacters, boolean excludeNumbers, boolean excludePunctuation,
			boolean excludeUppercase, boolean excludeLowercase, boolean includeSpace, boolean requireEachIncludedType) {

		public static Rules defaults() {
			return new Rules(32, "", false, false, false, false, false, true);
		}

		public Rules withLength(int length) {
			return new Rules(length, this.excludeCharacters, this.excludeNumbers, this.excludePunctuation,
					this.excludeUppercase, this.excludeLowercase, this.includeSpace, this.requireEachIncludedType);
		}

		public Rules withExcludeCharacters(String characters) {
			return new Rules(this.length, characters, this.excludeNumbers, this.excludePunctuation,
					this.excludeUppercase, this.excludeLowercase, this.includeSpace, this.requireEachIncludedType);
		}

		public Rules withExcludePunctuation(boolean exclude) {
			return new Rules(this.length, this.excludeCharacters, this.excludeNumbers, exclude, this.excludeUppercase,
					this.excludeLowercase, this.includeSpace, this.requireEachIncludedType);
		}

	}

	private PasswordGenerator() {
	}

	public static String generate(Rules rules) {
		if (rules.length() < 1 || rules.length() > 4096) {
			throw ServiceError.invalidParameter("PasswordLength must be between 1 and 4096.");
		}
		List<String> classes = new ArrayList<>();
		addClass(classes, !rules.excludeLowercase(), LOWER, rules);
		addClass(classes, !rules.excludeUppercase(), UPPER, rules);
		addClass(classes, !rules.excludeNumbers(), DIGITS, rules);
		addClass(classes, !rules.excludePunctuation(), PUNCTUATION, rules);
		addClass(classes, rules.includeSpace(), " ", rules);
		if (classes.isEmpty()) {
			throw ServiceError.invalidParameter("The password rules exclude every character.");
		}
		if (rules.requireEachIncludedType() && rules.length() < classes.size()) {
			throw ServiceError.invalidParameter(
					"PasswordLength is too short to include every required character type.");
		}
		String all = String.join("", classes);
		List<Character> chars = new ArrayList<>(rules.length());
		if (rules.requireEachIncludedType()) {
			for (String characterClass : classes) {
				chars.add(pick(characterClass));
			}
		}
		while (chars.size() < rules.length()) {
			chars.add(pick(all));
		}
		Collections.shuffle(chars, random);
		StringBuilder password = new StringBuilder(chars.size());
		chars.forEach(password::append);
		return password.toString();
	}

	private static void addClass(List<String> classes, boolean include, String characters, Rules rules) {
		if (!include) {
			return;
		}
		StringBuilder kept = new StringBuilder();
		for (char c : characters.toCharArray()) {
			if (rules.excludeCharacters().indexOf(c) < 0) {
				kept.append(c);
			}
		}
		if (!kept.isEmpty()) {
			classes.add(kept.toString());
		}
	}

	private static char pick(String characters) {
		return characters.charAt(random.nextInt(characters.length()));
	}

}
