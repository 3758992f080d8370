package dev.secretsstarter.local.store;

import java.security.SecureRandom;

/**
 * Builds and recognises secret ARNs. Thread-safe.
 */
public final class Arns {

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final int SUFFIX_LENGTH = 6;

	private static final SecureRandom random = new SecureRandom();

	private Arns() {
	}

	/** @return a new ARN with the service's six-character random suffix */
	public static String newArn(String region, String accountId, String name) {
		StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
		for (int i = 0; i < SUFFIX_LENGTH; i++) {
			suffix.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
		}
		return arn(region, accountId, name, suffix.toString());
	}

	/**
	 * @return the ARN whose six-character suffix is taken from {@code bits} (e.g. a keyed hash), in the
	 * alphabet the service uses
	 */
	public static String derivedArn(String region, String accountId, String name, long bits) {
		char[] suffix = new char[SUFFIX_LENGTH];
		long rest = bits;
		for (int i = 0; i < SUFFIX_LENGTH; i++) {
			// Unsigned base 62: 64 bits carry far more than the ~36 six characters need, so every suffix is
			// (all but) equally likely.
			suffix[i] = ALPHANUMERIC.charAt((int) Long.remainderUnsigned(rest, ALPHANUMERIC.length()));
			rest = Long.divideUnsigned(rest, ALPHANUMERIC.length());
		}
		return arn(region, accountId, name, new String(suffix));
	}

	private static String arn(String region, String accountId, String name, String suffix) {
		return prefix(region, accountId) + name + "-" + suffix;
	}

	/** @return the same ARN in another region: replicas keep the primary's name and suffix */
	public static String inRegion(String arn, String region) {
		String[] parts = arn.split(":", 6);
		return parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + region + ":" + parts[4] + ":" + parts[5];
	}

	public static String prefix(String region, String accountId) {
		return "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:";
	}

	/** @return whether {@code id} names {@code secret}: by name, full ARN or ARN without the suffix */
	public static boolean matches(Secret secret, String id) {
		if (!id.startsWith("arn:")) {
			return secret.name().equals(id);
		}
		String arn = secret.arn();
		return arn.equals(id) || (arn.length() == id.length() + 7 && arn.startsWith(id + "-"));
	}

}
