package dev.secretsstarter.local;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Code shown in {@code docs/local-server.md}, compiled so the snippets stay correct. Not a test:
 * nothing here runs.
 */
@SuppressWarnings("unused")
class DocumentationExamples {

	private final Jdbc jdbc = (sql) -> {
	};

	void startAndConnect() {
		// tag::start-and-connect[]
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start()) {   // free port, us-east-1, test/test
			server.createSecret("db/credentials", "{\"username\":\"app\",\"password\":\"dummy\"}");

			SecretsManagerClient client = SecretsManagerClient.builder()
				.endpointOverride(server.endpoint())                          // http://127.0.0.1:<port>
				.region(Region.of(server.region()))
				.credentialsProvider(StaticCredentialsProvider.create(
					AwsBasicCredentials.create(server.accessKeyId(), server.secretAccessKey())))
				.httpClientBuilder(UrlConnectionHttpClient.builder())
				.build();

			client.getSecretValue(r -> r.secretId("db/credentials")).secretString();
		}
		// end::start-and-connect[]
	}

	void faultsAndCounters(LocalSecretsManager server) {
		// tag::faults-and-counters[]
		server.faults().throttle("GetSecretValue", 2);                  // next 2 calls → ThrottlingException (400)
		server.faults().fail("BatchGetSecretValue", "InternalServiceError", 500, 1);
		server.faults().errorRate("*", 0.1);                            // 10% of all calls → InternalServiceError (500)
		server.faults().latency("GetSecretValue", Duration.ofMillis(200));
		server.faults().clear();

		server.requests().count("BatchGetSecretValue");                 // authenticated requests by operation
		server.requests().responseBytes("GetSecretValue");              // bytes of response bodies sent
		server.requests().counts();                                     // snapshot map
		server.requests().reset();
		// end::faults-and-counters[]
	}

	void rotationFunction(LocalSecretsManager server) {
		// tag::rotation-function[]
		server.registerRotationFunction("arn:aws:lambda:us-east-1:000000000000:function:rotate-db",
			PasswordRotationFunction.forKey("password")            // copies the current JSON, new random "password"
				.length(24).excludePunctuation(true)
				.onSet(newPassword -> jdbc.execute("ALTER USER app SET PASSWORD '" + newPassword + "'"))
				.onTest(newPassword -> tryLogin(newPassword)));
		// end::rotation-function[]
	}

	private boolean tryLogin(String password) {
		return !password.isEmpty();
	}

	interface Jdbc {

		void execute(String sql);

	}

}
