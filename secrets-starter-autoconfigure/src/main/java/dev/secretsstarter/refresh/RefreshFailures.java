package dev.secretsstarter.refresh;

import java.util.StringJoiner;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.bind.BindException;

/**
 * Describes a failure to refresh beans after a rotation without a value. Rebinding a
 * {@code @ConfigurationProperties} bean to a new version that does not fit its type fails with a
 * chain whose conversion and validation messages quote the new value (for example
 * {@code ConversionFailedException ... for value [...]}); so only the type of each exception in
 * the chain is given, with the bean name and the property name and target type where Spring
 * knows them. Stateless and thread-safe.
 */
final class RefreshFailures {

	private static final int MAX_DEPTH = 10;

	private RefreshFailures() {
	}

	static String describe(Throwable failure) {
		StringJoiner chain = new StringJoiner(", caused by ");
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
			StringBuilder link = new StringBuilder(current.getClass().getName());
			if (current instanceof BeanCreationException creation && creation.getBeanName() != null) {
				link.append(" (bean '").append(creation.getBeanName()).append("')");
			}
			if (current instanceof BindException bind) {
				link.append(" (property '").append(bind.getName()).append("' to ").append(bind.getTarget().getType())
					.append(')');
			}
			chain.add(link);
			if (current.getCause() == current) {
				break;
			}
		}
		return chain.toString();
	}

}
