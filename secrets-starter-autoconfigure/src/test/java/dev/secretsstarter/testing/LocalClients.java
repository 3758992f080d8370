package dev.secretsstarter.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.secretsstarter.local.LocalSecretsManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * How tests connect to a {@code secrets-local} server. Without Spring: SDK client builders with the
 * server's endpoint, region and (dummy) credentials and the JDK HTTP client; tests add their own
 * override configuration (retries) before {@code build()}. With Spring:
 * {@link #properties(LocalSecretsManager, String...)}, the {@code secrets.*} connection properties.
 * Stateless and thread-safe.
 */
public final class LocalClients {

	private LocalClients() {
	}

	/**
	 * A builder for a running server, with its endpoint, region and credentials.
	 * @param server the server
	 * @return a builder pointed at it
	 */
	public static SecretsManagerClientBuilder builder(LocalSecretsManager server) {
		return builder(server.endpoint(), server.region(), server.accessKeyId(), server.secretAccessKey());
	}

	/**
	 * A builder for an endpoint (a server with the default region and credentials, or an address
	 * where none listens): us-east-1 and the dummy {@code test}/{@code test} credentials.
	 * @param endpoint the endpoint
	 * @return a builder pointed at it
	 */
	public static SecretsManagerClientBuilder builder(URI endpoint) {
		return builder(endpoint, Region.US_EAST_1.id(), "test", "test");
	}

	private static SecretsManagerClientBuilder builder(URI endpoint, String region, String accessKeyId,
			String secretAccessKey) {
		return SecretsManagerClient.builder()
			.endpointOverride(endpoint)
			.region(Region.of(region))
			.credentialsProvider(
					StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
			.httpClient(UrlConnectionHttpClient.create());
	}

	/**
	 * The properties that connect a Spring application to a running server ({@code secrets.endpoint},
	 * {@code secrets.region} and {@code secrets.credentials.access-key/secret-key}, taken from the
	 * server), followed by the test's own. Pass the result to
	 * {@code SpringApplicationBuilder.properties(...)} or
	 * {@code ApplicationContextRunner.withPropertyValues(...)}; a key repeated in {@code more} wins
	 * there. Tests about other connection settings (wrong credentials, no endpoint) spell theirs out.
	 * @param server the server
	 * @param more further {@code key=value} properties, for example
	 * {@code "secrets.client.max-attempts=1"}
	 * @return the connection properties, then {@code more}, as {@code key=value} strings
	 */
	public static String[] properties(LocalSecretsManager server, String... more) {
		List<String> properties = new ArrayList<>(List.of("secrets.endpoint=" + server.endpoint(),
				"secrets.region=" + server.region(), "secrets.credentials.access-key=" + server.accessKeyId(),
				"secrets.credentials.secret-key=" + server.secretAccessKey()));
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}

}
