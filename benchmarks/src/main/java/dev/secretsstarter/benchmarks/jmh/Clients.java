package dev.secretsstarter.benchmarks.jmh;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.secretsmanager.AWSSecretsManager;
import com.amazonaws.services.secretsmanager.AWSSecretsManagerClientBuilder;
import dev.secretsstarter.local.LocalSecretsManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * SDK clients pointed at a secrets-local server: the v2 client everyone but AWS's caching client
 * uses, and the v1 client that caching client 1.0.x is built on.
 *
 * @author secrets-starter team
 */
public final class Clients {

	private Clients() {
	}

	/**
	 * An SDK v2 client for a server.
	 * @param server the server
	 * @return the client
	 */
	public static SecretsManagerClient v2(LocalSecretsManager server) {
		return SecretsManagerClient.builder()
			.endpointOverride(server.endpoint())
			.region(Region.of(server.region()))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(server.accessKeyId(), server.secretAccessKey())))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	/**
	 * An SDK v1 client for a server (see {@link LocalCompatibleV4Signer}).
	 * @param server the server
	 * @return the client
	 */
	public static AWSSecretsManager v1(LocalSecretsManager server) {
		return AWSSecretsManagerClientBuilder.standard()
			.withClientConfiguration(new ClientConfiguration().withSignerOverride(LocalCompatibleV4Signer.register()))
			.withEndpointConfiguration(new EndpointConfiguration(server.endpoint().toString(), server.region()))
			.withCredentials(new AWSStaticCredentialsProvider(
					new BasicAWSCredentials(server.accessKeyId(), server.secretAccessKey())))
			.build();
	}

}
