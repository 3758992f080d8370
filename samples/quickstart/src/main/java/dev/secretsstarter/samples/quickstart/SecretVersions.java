package dev.secretsstarter.samples.quickstart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.secretsstarter.refresh.SecretRotatedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells which version of {@code quickstart/api-credentials} the application uses, and whether each
 * consumer (the live handle, the {@code @SecretValue} field, the {@code @ConfigurationProperties}
 * bean) holds it — by comparing values in constant time, never by showing them. Logs every change
 * of that picture. Thread-safe.
 *
 * @author secrets-starter team
 */
@Component
class SecretVersions {

	static final String SECRET = "quickstart/api-credentials";

	private static final Log logger = LogFactory.getLog(SecretVersions.class);

	private final PartnerApiClient client;

	private final ApiProperties properties;

	private final AtomicInteger versionsSeen = new AtomicInteger();

	private volatile @Nullable Report lastLogged;

	SecretVersions(PartnerApiClient client, ApiProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	/**
	 * What the application uses now.
	 * @return the report, with secret names, version ids and states only
	 */
	Report report() {
		ApiCredentials current = this.client.credentials().get();
		String currentToken = (current != null) ? current.token() : null;
		Map<String, String> consumers = new LinkedHashMap<>();
		consumers.put("SecretHandle<ApiCredentials>", "current");
		consumers.put("@SecretValue field", state(currentToken, this.client.fieldToken()));
		consumers.put("@ConfigurationProperties(\"api\")", state(currentToken, this.properties.getToken()));
		return new Report(SECRET, String.valueOf(this.client.credentials().versionId()), this.versionsSeen.get(),
				consumers);
	}

	/** Logs when the version or a consumer's state changed. */
	@Scheduled(fixedDelayString = "${quickstart.report-interval:500ms}")
	void logChanges() {
		Report report = report();
		Report previous = this.lastLogged;
		if (previous != null && previous.versionId().equals(report.versionId())
				&& previous.consumers().equals(report.consumers())) {
			return;
		}
		if (previous != null && !previous.versionId().equals(report.versionId())) {
			report = new Report(report.secret(), report.versionId(), this.versionsSeen.incrementAndGet(),
					report.consumers());
		}
		this.lastLogged = report;
		logger.info(SECRET + " in use: version " + report.versionId() + " " + report.consumers());
	}

	// tag::rotated-event[]
	@EventListener
	void onRotation(SecretRotatedEvent event) {
		// The event carries names and version ids, never values.
		logger.info("Rotation detected: " + event.getSecretId() + " " + event.getPreviousVersionId() + " -> "
				+ event.getNewVersionId() + ", changed properties " + event.getChangedPropertyNames());
	}
	// end::rotated-event[]

	private static String state(@Nullable String current, @Nullable String held) {
		if (current == null || held == null) {
			return "missing";
		}
		boolean same = MessageDigest.isEqual(current.getBytes(StandardCharsets.UTF_8),
				held.getBytes(StandardCharsets.UTF_8));
		return same ? "current" : "previous version";
	}

	/**
	 * What {@code GET /secrets} answers: no value, ever.
	 *
	 * @param secret the secret name
	 * @param versionId the version id the live handle holds
	 * @param rotationsSeen how many new versions the application picked up since it started
	 * @param consumers each consumer and whether it holds that version
	 */
	record Report(String secret, String versionId, int rotationsSeen, Map<String, String> consumers) {
	}

}
