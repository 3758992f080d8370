package dev.secretsstarter.samples.quickstart;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /secrets}: which version of the secret the application uses — never a value.
 *
 * @author secrets-starter team
 */
@RestController
class SecretsController {

	private static final Log logger = LogFactory.getLog(SecretsController.class);

	private final SecretVersions versions;

	SecretsController(SecretVersions versions) {
		this.versions = versions;
	}

	@GetMapping("/secrets")
	SecretVersions.Report secrets() {
		return this.versions.report();
	}

	@EventListener
	void tellWhereToLook(WebServerInitializedEvent event) {
		logger.info("Open http://127.0.0.1:" + event.getWebServer().getPort()
				+ "/secrets to see which secret version the application uses (never a value)");
	}

}
