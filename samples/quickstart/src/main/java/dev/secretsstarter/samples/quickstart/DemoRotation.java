package dev.secretsstarter.samples.quickstart;

import java.security.SecureRandom;
import java.util.Base64;

import dev.secretsstarter.local.LocalSecretsManager;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY — plays the part of AWS rotating the secret: every few seconds
 * ({@code quickstart.rotation.interval}) it writes a new random token to the embedded server, as a
 * rotation function would. The application is not told; it notices the new version by itself.
 * Exists in local mode only: with the profile "aws" there is no embedded server and no such bean.
 *
 * @author secrets-starter team
 */
@Component
@ConditionalOnBooleanProperty("secrets.local.enabled")
class DemoRotation {

	private static final Log logger = LogFactory.getLog(DemoRotation.class);

	private final SecureRandom random = new SecureRandom();

	private final LocalSecretsManager server;

	DemoRotation(LocalSecretsManager server) {
		this.server = server;
	}

	@Scheduled(initialDelayString = "${quickstart.rotation.interval:5s}",
			fixedDelayString = "${quickstart.rotation.interval:5s}")
	void rotate() {
		byte[] bytes = new byte[18];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.server.putSecretValue(SecretVersions.SECRET, "{\"username\":\"demo\",\"token\":\"" + token + "\"}");
		logger.info("Demo rotation: wrote a new version of " + SecretVersions.SECRET + " to the embedded server");
	}

}
