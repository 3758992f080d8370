package dev.secretsstarter.config;

import java.util.ArrayList;
import java.util.List;

import dev.secretsstarter.autoconfigure.InvalidSecretsConfigurationException;
import dev.secretsstarter.cache.SecretKey;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * One entry of an {@code aws-secretsmanager:} import: a secret id (name or ARN), or with a
 * trailing {@code *} every secret whose name starts with what precedes it, plus options.
 * <p>
 * Syntax (Spring Cloud AWS compatible, with extensions):
 * {@code aws-secretsmanager:<entry>[;<entry>…]} where an entry is
 * {@code <id>[?option=value[&option=value…]]} and options are {@code prefix} (prepended to every
 * property name), {@code version-stage} and {@code version-id} (mutually exclusive).
 *
 * @param text the entry as written, trimmed
 * @param id the secret name or ARN, or the name prefix without its {@code *}
 * @param namePrefix whether {@code id} is a name prefix
 * @param propertyPrefix prepended to every property name, may be empty
 * @param versionStage the staging label, or {@code null} for AWSCURRENT or a version id
 * @param versionId the version id, or {@code null}
 * @author secrets-starter team
 */
public record SecretImport(String text, String id, boolean namePrefix, String propertyPrefix,
		@Nullable String versionStage, @Nullable String versionId) {

	/** The location prefix. */
	public static final String PREFIX = "aws-secretsmanager:";

	private static final String PROPERTY = "spring.config.import";

	/**
	 * Parse the part of a location after {@link #PREFIX}.
	 * @param value the location value without the prefix
	 * @return the entries, in order; empty if none
	 * @throws InvalidSecretsConfigurationException if an entry cannot work
	 */
	public static List<SecretImport> parse(String value) {
		List<SecretImport> imports = new ArrayList<>();
		for (String part : value.split(";")) {
			String text = part.trim();
			if (!text.isEmpty()) {
				imports.add(parseEntry(text));
			}
		}
		return imports;
	}

	private static SecretImport parseEntry(String text) {
		int query = text.indexOf('?');
		String id = ((query != -1) ? text.substring(0, query) : text).trim();
		String prefix = "";
		String stage = null;
		String versionId = null;
		if (query != -1) {
			for (String option : text.substring(query + 1).split("&")) {
				int equals = option.indexOf('=');
				String name = ((equals != -1) ? option.substring(0, equals) : option).trim();
				String optionValue = (equals != -1) ? option.substring(equals + 1).trim() : "";
				switch (name) {
					case "" -> throw new InvalidSecretsConfigurationException(PROPERTY,
							"'" + PREFIX + text + "' has an empty option (a '?' or '&' with nothing after it)",
							"Remove the stray '?' or '&', or give an option such as '" + PREFIX
									+ "db/credentials?prefix=db.'.");
					case "prefix" -> prefix = optionValue;
					case "version-stage" -> stage = requireValue(text, name, optionValue);
					case "version-id" -> versionId = requireValue(text, name, optionValue);
					default -> throw new InvalidSecretsConfigurationException(PROPERTY,
							"'" + PREFIX + text + "' has an unknown option '" + name + "'",
							"Use only prefix, version-stage or version-id, for example '" + PREFIX
									+ "db/credentials?prefix=db.'.");
				}
			}
		}
		boolean namePrefix = id.endsWith("*");
		if (namePrefix) {
			id = id.substring(0, id.length() - 1);
		}
		if (!StringUtils.hasText(id) || id.contains("*")) {
			throw new InvalidSecretsConfigurationException(PROPERTY, "'" + PREFIX + text + "' names no secret",
					"Give a secret name or ARN, or a name prefix ending with '*' such as '" + PREFIX + "app/prod/*'.");
		}
		if (stage != null && versionId != null) {
			throw new InvalidSecretsConfigurationException(PROPERTY,
					"'" + PREFIX + text + "' sets both version-stage and version-id",
					"Keep one of them: a version id names one version, a stage follows a label.");
		}
		if (namePrefix && versionId != null) {
			throw new InvalidSecretsConfigurationException(PROPERTY,
					"'" + PREFIX + text + "' sets a version-id on a name prefix",
					"A version id belongs to one secret: import that secret by name instead.");
		}
		return new SecretImport(text, id, namePrefix, prefix, stage, versionId);
	}

	private static String requireValue(String text, String option, String value) {
		if (value.isEmpty()) {
			throw new InvalidSecretsConfigurationException(PROPERTY,
					"'" + PREFIX + text + "' has an empty " + option, "Give a value, for example " + option + "="
							+ (option.equals("version-stage") ? SecretKey.AWSPREVIOUS : "<version id>") + ".");
		}
		return value;
	}

	/**
	 * The cache key of a secret imported by this entry.
	 * @param secretId the secret id (this entry's id, or a name found under its prefix)
	 * @return the key
	 */
	public SecretKey keyFor(String secretId) {
		if (this.versionId != null) {
			return SecretKey.version(secretId, this.versionId);
		}
		return SecretKey.stage(secretId, (this.versionStage != null) ? this.versionStage : SecretKey.AWSCURRENT);
	}

	@Override
	public String toString() {
		return PREFIX + this.text;
	}

}
