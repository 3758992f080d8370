package dev.secretsstarter.local;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Starts one server per test class on a free port, with a settable clock and synchronous rotation,
 * and resets it before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractServerIntegrationTests {

	protected final LocalServerTestSupport.MutableClock clock = new LocalServerTestSupport.MutableClock(
			Instant.parse("2030-01-01T00:00:00Z"));

	protected LocalSecretsManager server;

	protected SecretsManagerClient client;

	protected LocalSecretsManager.Builder configure(LocalSecretsManager.Builder builder) {
		return builder.synchronousRotation(true);
	}

	@BeforeAll
	void startServer() {
		this.server = configure(LocalSecretsManager.builder().clock(this.clock)).build().start();
		this.client = LocalServerTestSupport.client(this.server, "us-east-1");
	}

	@BeforeEach
	void resetServer() {
		this.server.reset();
	}

	@AfterAll
	void stopServer() {
		this.client.close();
		this.server.close();
	}

}
