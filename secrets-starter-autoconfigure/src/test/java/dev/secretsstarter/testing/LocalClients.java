package dev.secretsstarter.testing;

import java.net.URI;

import dev.secretsstarter.local.LocalSecretsManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * SDK client builders for tests that talk to a {@code secrets-local} server without Spring: the
 * server's endpoint, us-east-1, the dummy {@code test}/{@code test} credentials and the JDK HTTP
 * client. Tests add their own override configuration (retries) before {@code build()}.
 */
public final class LocalClients {

	private LocalClients() {
	}

	/**
	 * A builder for a running server.
	 * @param server the server
	 * @return a builder pointed at it
	 */
	public static SecretsManagerClientBuilder builder(LocalSecretsManager server) {
		return builder(server.endpoint());
	}

	/**
	 * A builder for an endpoint (a server, or an address where none listens).
	 * @param endpoint the endpoint
	 * @return a builder pointed at it
	 */
	public static SecretsManagerClientBuilder builder(URI endpoint) {
		return SecretsManagerClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClient(UrlConnectionHttpClient.create());
	}

}
