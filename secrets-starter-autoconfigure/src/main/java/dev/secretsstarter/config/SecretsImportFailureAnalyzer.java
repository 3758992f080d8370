package dev.secretsstarter.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.secretsstarter.cache.SecretFailureKind;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.config.ConfigDataResourceNotFoundException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Reports failed secret imports: every secret with its cause, and per cause what to do. Also
 * takes over Boot's generic "config data resource does not exist" analysis for a single missing
 * imported secret, so that one failure and many read alike.
 *
 * @author secrets-starter team
 */
public class SecretsImportFailureAnalyzer implements FailureAnalyzer, Ordered {

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof SecretsImportException imports) {
				return analysis(imports.getFailures(), imports);
			}
			if (current instanceof ConfigDataResourceNotFoundException notFound
					&& notFound.getResource() instanceof SecretsConfigDataResource resource
					&& notFound.getCause() instanceof RuntimeException cause) {
				String secretId = (cause instanceof dev.secretsstarter.core.SecretsException secrets
						&& secrets.getSecretId() != null) ? secrets.getSecretId() : resource.toString();
				return analysis(List.of(new SecretsImportException.Failure(resource.describe(secretId), secretId,
						SecretFailureKind.NOT_FOUND, cause)), notFound);
			}
		}
		return null;
	}

	private FailureAnalysis analysis(List<SecretsImportException.Failure> failures, Throwable cause) {
		String description = "Secrets imported with spring.config.import could not be loaded:\n\n"
				+ failures.stream().map((failure) -> "  - " + failure).collect(Collectors.joining("\n"));
		Map<SecretFailureKind, List<String>> byKind = new LinkedHashMap<>();
		failures.forEach((failure) -> byKind.computeIfAbsent(failure.kind(), (kind) -> new ArrayList<>())
			.add("'" + failure.secretId() + "'"));
		String action = byKind.entrySet()
			.stream()
			.map((entry) -> "For " + String.join(", ", entry.getValue()) + ": " + entry.getKey().action())
			.collect(Collectors.joining("\n"));
		return new FailureAnalysis(description, action, cause);
	}

	@Override
	public int getOrder() {
		// Before Boot's ConfigDataNotFoundFailureAnalyzer, which cannot name the secret's problem.
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
