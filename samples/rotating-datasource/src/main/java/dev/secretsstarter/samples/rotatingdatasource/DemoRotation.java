package dev.secretsstarter.samples.rotatingdatasource;

import java.util.concurrent.atomic.AtomicInteger;

import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.local.PasswordRotationFunction;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY — rotates the database password every few seconds ({@code demo.rotation.interval}),
 * the way AWS does: RotateSecret through the application's own SDK client, which runs the four
 * rotation steps of secrets-local's built-in {@link PasswordRotationFunction} (createSecret: new
 * random password as AWSPENDING; setSecret: ALTER USER; testSecret: log in with it; finishSecret:
 * AWSPENDING becomes AWSCURRENT). The application is not told: it detects the new version and
 * swaps the pool's credentials. Exists in local mode only.
 *
 * @author secrets-starter team
 */
@Component
@ConditionalOnBooleanProperty("secrets.local.enabled")
class DemoRotation {

	static final String SECRET = "demo/db-credentials";

	private static final Log logger = LogFactory.getLog(DemoRotation.class);

	private final SecretsManagerClient client;

	private final String functionArn;

	private final AtomicInteger rotations = new AtomicInteger();

	DemoRotation(LocalSecretsManager server, SecretsManagerClient client, DemoDatabase database) {
		this.client = client;
		this.functionArn = "arn:aws:lambda:" + server.region() + ":" + server.accountId() + ":function:demo-rotate-db";
		// tag::rotation-function[]
		server.registerRotationFunction(this.functionArn, PasswordRotationFunction.forKey("password")
			.length(24)
			.excludePunctuation(true)
			.onSet(database::changePassword)
			.onTest(database::checkLogin));
		// end::rotation-function[]
	}

	@Scheduled(initialDelayString = "${demo.rotation.interval:5s}", fixedDelayString = "${demo.rotation.interval:5s}")
	void rotate() {
		String versionId;
		try {
			versionId = this.client
				.rotateSecret((request) -> request.secretId(SECRET).rotationLambdaARN(this.functionArn).rotateImmediately(true))
				.versionId();
		}
		catch (InvalidRequestException ex) {
			// As on AWS: a rotation still in progress refuses a new one.
			logger.info("Demo rotation skipped: " + ex.awsErrorDetails().errorMessage());
			return;
		}
		logger.info("Demo rotation #" + this.rotations.incrementAndGet() + ": RotateSecret " + SECRET + " started version "
				+ versionId);
	}

}
