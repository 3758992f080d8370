package dev.secretsstarter.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.secretsstarter.cache.SecretKey;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports a property imported from a secret that cannot be bound (for example a
 * {@code @ConfigurationProperties} {@code int} whose secret holds text) or that the bean's
 * validation rejects, without its value. Boot's own bind and validation failure analyses print
 * the value, and the exceptions quote it; this one names the property, its origin, the secret and
 * the target type (or the validation message), and never the value or a cause's message. Failures
 * of properties from other sources only are left to Boot.
 *
 * @author secrets-starter team
 */
class SecretPropertyBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		BindValidationException validation = findCause(rootFailure, BindValidationException.class);
		if (validation != null) {
			return analyzeValidation(cause, validation.getValidationErrors());
		}
		ConfigurationProperty property = cause.getProperty();
		ConfigurationPropertySource source = (property != null) ? property.getSource() : null;
		if (property == null || source == null
				|| !(source.getUnderlyingSource() instanceof SecretsPropertySource secrets)) {
			return null;
		}
		String name = property.getName().toString();
		String secret = secretOf(secrets, name);
		String description = "Failed to bind properties under '" + cause.getName() + "' to "
				+ cause.getTarget().getType() + ":\n\n    Property: " + name
				+ "\n    Value: (hidden: it comes from a secret)\n    Origin: " + property.getOrigin() + "\n    Reason: "
				+ reason(cause.getCause());
		String action = "Correct the value of " + ((secret != null) ? "secret '" + secret + "'" : "the secret")
				+ " with PutSecretValue so that '" + name + "' is a valid " + cause.getTarget().getType()
				+ ", or change the type of the property.";
		return new FailureAnalysis(description, action, cause);
	}

	// Validation errors carry the rejected value; only the properties, where they come from and the
	// validator's message are reported, and only when a secret supplied one of them.
	private static @Nullable FailureAnalysis analyzeValidation(BindException cause, ValidationErrors errors) {
		Map<ConfigurationPropertyName, ConfigurationProperty> bound = new HashMap<>();
		errors.getBoundProperties().forEach((property) -> bound.put(property.getName(), property));
		if (bound.values().stream().noneMatch(SecretPropertyBindFailureAnalyzer::fromSecret)) {
			return null;
		}
		StringBuilder description = new StringBuilder("Binding to target " + cause.getTarget().getType()
				+ " failed validation:\n");
		for (ObjectError error : errors) {
			description.append('\n');
			if (error instanceof FieldError field) {
				ConfigurationPropertyName name = errors.getName().append(field.getField());
				ConfigurationProperty property = bound.get(name);
				description.append("    Property: ").append(name).append('\n');
				description.append("    Value: (hidden: values are not shown when a secret supplies one)\n");
				if (property != null) {
					description.append("    Origin: ").append(property.getOrigin()).append('\n');
				}
			}
			description.append("    Reason: ").append(error.getDefaultMessage()).append('\n');
		}
		return new FailureAnalysis(description.toString(), "Correct the secret's value with PutSecretValue, or "
				+ "the validation of " + cause.getTarget().getType() + ".", cause);
	}

	private static boolean fromSecret(ConfigurationProperty property) {
		ConfigurationPropertySource source = property.getSource();
		return source != null && source.getUnderlyingSource() instanceof SecretsPropertySource;
	}

	// The last secret of the location that contributes the property (later entries win).
	private static @Nullable String secretOf(SecretsPropertySource source, String name) {
		List<SecretKey> keys = source.getSecretKeys();
		for (int i = keys.size() - 1; i >= 0; i--) {
			if (source.getProperties(keys.get(i)).containsKey(name)) {
				return keys.get(i).secretId();
			}
		}
		return null;
	}

	// Exception messages quote the value (NumberFormatException, ConversionFailedException): types only.
	private static String reason(@Nullable Throwable cause) {
		if (cause instanceof ConversionFailedException conversion) {
			Throwable root = conversion;
			for (int depth = 0; root.getCause() != null && depth < 10; depth++) {
				root = root.getCause();
			}
			return "failed to convert " + conversion.getSourceType() + " to " + conversion.getTargetType()
					+ ((root != conversion) ? " (" + root.getClass().getSimpleName() + ")" : "");
		}
		return (cause != null) ? cause.getClass().getSimpleName() : "unknown";
	}

	@Override
	public int getOrder() {
		// Before Boot's BindFailureAnalyzer, which would print the value.
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
