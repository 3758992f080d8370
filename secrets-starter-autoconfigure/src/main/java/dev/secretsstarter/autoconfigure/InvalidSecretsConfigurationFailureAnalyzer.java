package dev.secretsstarter.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidSecretsConfigurationException} into a start-up report that names the
 * property, the problem and the fix.
 * <p>
 * Stateless and thread-safe.
 *
 * @author secrets-starter team
 */
class InvalidSecretsConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSecretsConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSecretsConfigurationException cause) {
		return new FailureAnalysis("The property '" + cause.getProperty() + "' is invalid: " + cause.getProblem() + ".",
				cause.getAction(), cause);
	}

}
