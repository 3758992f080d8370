package dev.secretsstarter.inject;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up failure caused by a {@link SecretValue @SecretValue} site that could not be
 * satisfied: which bean and member, which secret and key, what is wrong, and what to change.
 *
 * @author secrets-starter team
 */
class SecretInjectionFailureAnalyzer extends AbstractFailureAnalyzer<SecretInjectionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SecretInjectionException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
