package dev.secretsstarter.actuate;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.secretsstarter.config.SecretsPropertySource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Masks, in {@code /actuator/env} and {@code /actuator/configprops}, every value that came from a
 * secret, whatever {@code management.endpoint.*.show-values} says: Boot applies sanitizing
 * functions to the values it would otherwise show.
 * <ul>
 * <li>any property of a {@link SecretsPropertySource} (the imported secrets of one location);</li>
 * <li>any property whose raw value is a placeholder naming a property of an imported secret,
 * such as {@code app.password=${db.password}}, even after the secret rotated;</li>
 * <li>any other value equal to a property of an imported secret, which catches a secret copied
 * through a placeholder such as {@code app.password=${db.password}} into another property or a
 * {@code @ConfigurationProperties} bean. This may mask a harmless value that happens to equal a
 * secret's property; masking too much is the safe side.</li>
 * </ul>
 * Thread-safe.
 *
 * @author secrets-starter team
 */
public class SecretsSanitizingFunction implements SanitizingFunction {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

	private final @Nullable ConfigurableEnvironment environment;

	/**
	 * Create the function.
	 * @param environment the environment whose imported secrets' values to mask elsewhere too, or
	 * {@code null} to mask only the secrets' own property sources
	 */
	public SecretsSanitizingFunction(@Nullable ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (data.getPropertySource() instanceof SecretsPropertySource || referencesASecret(data)
				|| equalsASecretValue(data.getValue())) {
			return data.withSanitizedValue();
		}
		return data;
	}

	// A value bound through a placeholder keeps the version it was bound with after a rotation, so
	// comparing with the current values is not enough: look at what the raw value refers to.
	private boolean referencesASecret(SanitizableData data) {
		PropertySource<?> source = data.getPropertySource();
		if (this.environment == null || source == null || data.getKey() == null) {
			return false;
		}
		if (!(source.getProperty(data.getKey()) instanceof String raw) || !raw.contains("${")) {
			return false;
		}
		Matcher placeholders = PLACEHOLDER.matcher(raw);
		while (placeholders.find()) {
			String name = placeholders.group(1).trim();
			for (PropertySource<?> candidate : this.environment.getPropertySources()) {
				if (candidate instanceof SecretsPropertySource && candidate.containsProperty(name)) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean equalsASecretValue(@Nullable Object value) {
		if (this.environment == null || value == null || (value instanceof String text && text.isEmpty())) {
			return false;
		}
		for (PropertySource<?> source : this.environment.getPropertySources()) {
			if (source instanceof SecretsPropertySource secrets) {
				for (String name : secrets.getPropertyNames()) {
					if (same(value, secrets.getProperty(name))) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean same(Object value, @Nullable Object secret) {
		if (secret == null) {
			return false;
		}
		if (value instanceof char[] chars) {
			return secret.toString().contentEquals(new String(chars));
		}
		if (value instanceof byte[] bytes) {
			return secret instanceof byte[] secretBytes && Arrays.equals(bytes, secretBytes);
		}
		return value.toString().equals(secret.toString());
	}

}
