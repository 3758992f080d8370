package dev.secretsstarter.docs.examples;

import java.util.List;

import dev.secretsstarter.core.SecretsOperations;
import dev.secretsstarter.inject.SecretValue;
import dev.secretsstarter.refresh.SecretPollResult;
import dev.secretsstarter.refresh.SecretRefreshStatus;
import dev.secretsstarter.refresh.SecretRotatedEvent;
import dev.secretsstarter.refresh.SecretsRefresher;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;

/**
 * Code shown in {@code README.md}, {@code docs/guides/rotation.md} and
 * {@code docs/reference/client.md}, compiled so the snippets stay correct. Not a bean and not a
 * test: nothing here runs.
 */
@SuppressWarnings("unused")
class DocumentationExamples {

	private static final Logger log = LoggerFactory.getLogger(DocumentationExamples.class);

	// tag::readme-secret-value[]
	@SecretValue(id = "db/credentials", key = "password") private volatile String password;
	// end::readme-secret-value[]

	// tag::rotation-listener[]
	@EventListener
	void onRotation(SecretRotatedEvent event) {
		log.info("{} rotated {} -> {}, changed {}", event.getSecretId(), event.getPreviousVersionId(),
				event.getNewVersionId(), event.getChangedPropertyNames());   // names only, never values
	}
	// end::rotation-listener[]

	void manualRefresh(SecretsRefresher secretsRefresher, MeterRegistry meterRegistry) {
		// tag::manual-refresh[]
		SecretPollResult result = secretsRefresher.refreshNow();                 // every tracked key
		secretsRefresher.refreshNow(List.of("db/credentials"));                 // some secrets
		SecretRefreshStatus status = secretsRefresher.status();                 // for health/metrics
		secretsRefresher.addListener((poll) -> meterRegistry.counter("app.secret.polls").increment());   // or a SecretRefreshListener bean
		// end::manual-refresh[]
	}

	void typedValues(SecretsOperations operations) {
		// tag::typed-values[]
		record DbCredentials(String username, String password) {}

		DbCredentials credentials = operations.get("db/credentials", DbCredentials.class);
		operations.putJson("db/credentials", new DbCredentials("app", operations.randomPassword()));
		// end::typed-values[]
	}

}
