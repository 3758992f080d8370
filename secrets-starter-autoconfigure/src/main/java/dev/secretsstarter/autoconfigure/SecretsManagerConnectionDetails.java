package dev.secretsstarter.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where and as whom to reach Secrets Manager. The auto-configuration adapts
 * {@link SecretsProperties} to this interface unless a bean of this type exists, so test
 * support and platform integrations can supply the connection without properties.
 * <p>
 * Implementations must be thread-safe; the values are read once when a client is built.
 *
 * @author secrets-starter team
 */
public interface SecretsManagerConnectionDetails extends ConnectionDetails {

	/**
	 * Endpoint that overrides the regional one.
	 * @return the endpoint, or {@code null} for the SDK's regional endpoint
	 */
	@Nullable URI getEndpoint();

	/**
	 * Region to sign requests for and to pick the endpoint by.
	 * @return the region, or {@code null} for the SDK's default region provider chain
	 */
	@Nullable Region getRegion();

	/**
	 * Credentials to sign requests with.
	 * @return the credentials provider, or {@code null} for the SDK's default chain
	 */
	@Nullable AwsCredentialsProvider getCredentialsProvider();

}
