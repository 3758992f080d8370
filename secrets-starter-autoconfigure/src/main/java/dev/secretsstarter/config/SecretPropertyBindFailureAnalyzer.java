package dev.secretsstarter.config;

import java.util.List;

import dev.secretsstarter.cache.SecretKey;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionFailedException;

/**
 * Reports a property imported from a secret that cannot be bound (for example a
 * {@code @ConfigurationProperties} {@code int} whose secret holds text) without its value. Boot's
 * own bind failure analysis prints the value, and the conversion exceptions quote it; this one
 * names the property, its origin, the secret and the target type, and never the value or a
 * cause's message. Bind failures of properties from other sources are left to Boot.
 *
 * @author secrets-starter team
 */
class SecretPropertyBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
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
