package dev.secretsstarter.inject;

import org.jspecify.annotations.Nullable;

import dev.secretsstarter.cache.SecretKey;

/**
 * A {@link SecretValue @SecretValue} site could not be satisfied. Names the bean, the member, the
 * secret, the JSON key and the cause; never contains a value, and never chains an exception whose
 * message could quote one (JSON parse and conversion errors are summarised, not attached).
 * <p>
 * Immutable and thread-safe.
 *
 * @author secrets-starter team
 */
public class SecretInjectionException extends RuntimeException {

	/**
	 * Why a site could not be satisfied.
	 */
	public enum Reason {

		/** The secret (or the requested version) does not exist. */
		SECRET_NOT_FOUND,

		/** The secret's JSON has no such key. */
		KEY_NOT_FOUND,

		/** The secret is not valid JSON but the site needs JSON. */
		MALFORMED_JSON,

		/** The value cannot be converted to the target type. */
		NOT_CONVERTIBLE,

		/** The annotation or the target is declared wrongly. */
		INVALID_DECLARATION,

		/** The secret could not be read (access, network, throttling, …). */
		LOAD_FAILED

	}

	private final Reason reason;

	private final String site;

	private final @Nullable SecretKey secretKey;

	private final @Nullable String jsonKey;

	private final String action;

	SecretInjectionException(Reason reason, String site, @Nullable SecretKey secretKey, @Nullable String jsonKey,
			String problem, String action, @Nullable Throwable cause) {
		super(describe(site, secretKey, jsonKey, problem), cause);
		this.reason = reason;
		this.site = site;
		this.secretKey = secretKey;
		this.jsonKey = jsonKey;
		this.action = action;
	}

	private static String describe(String site, @Nullable SecretKey secretKey, @Nullable String jsonKey,
			String problem) {
		StringBuilder message = new StringBuilder("@SecretValue ").append(site);
		if (secretKey != null) {
			message.append(" (secret '").append(secretKey.secretId()).append("'");
			message.append((secretKey.versionStage() != null) ? " at stage " + secretKey.versionStage()
					: " at version " + secretKey.versionId());
			if (jsonKey != null) {
				message.append(", key '").append(jsonKey).append("'");
			}
			message.append(")");
		}
		return message.append(": ").append(problem).toString();
	}

	/**
	 * Why the site failed.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * The injection site, as {@code beanName.member}.
	 * @return the site
	 */
	public String getSite() {
		return this.site;
	}

	/**
	 * The secret the site asked for.
	 * @return the key, or {@code null} if the annotation could not be resolved
	 */
	public @Nullable SecretKey getSecretKey() {
		return this.secretKey;
	}

	/**
	 * The JSON key the site asked for.
	 * @return the JSON key, or {@code null} for the whole value
	 */
	public @Nullable String getJsonKey() {
		return this.jsonKey;
	}

	/**
	 * What the user can do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
