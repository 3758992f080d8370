package dev.secretsstarter.config;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import dev.secretsstarter.autoconfigure.SecretsManagerClientFactory;
import dev.secretsstarter.autoconfigure.SecretsManagerConnectionDetails;
import dev.secretsstarter.autoconfigure.SecretsProperties;
import dev.secretsstarter.cache.CaffeineSecretCache;
import dev.secretsstarter.cache.SecretCacheProperties;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.util.ClassUtils;

/**
 * Loads one made-up secret through the path an import takes (client factory, SDK client,
 * signing, marshalling, the cache, JSON flattening) against an HTTP client that answers from
 * memory, then builds the URL-connection HTTP client once (its TLS set-up reads the JDK's trust
 * store, which the JDK then keeps). Nothing leaves the process and nothing is kept: what it buys
 * is that, by the time the real import runs, the JVM has loaded and initialised most of the
 * ~2,000 classes involved, on another core. Failures are logged at DEBUG and otherwise ignored:
 * the import then simply pays the full cost itself.
 *
 * @author secrets-starter team
 */
final class ImportWarmUp implements Runnable {

	private static final Log logger = LogFactory.getLog(ImportWarmUp.class);

	private static final boolean URL_CONNECTION_PRESENT = ClassUtils.isPresent(
			"software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient", ImportWarmUp.class.getClassLoader());

	private static final String NAME = "secrets-starter/warm-up";

	private static final byte[] RESPONSE = ("{\"SecretValues\":[{\"ARN\":\"arn:aws:secretsmanager:us-east-1:"
			+ "000000000000:secret:" + NAME + "-AbCdEf\",\"Name\":\"" + NAME + "\","
			+ "\"SecretString\":\"{\\\"warm-up\\\":{\\\"not-a-secret\\\":[true]}}\","
			+ "\"VersionId\":\"00000000-0000-0000-0000-000000000000\",\"VersionStages\":[\"AWSCURRENT\"],"
			+ "\"CreatedDate\":1.7E9}],\"Errors\":[]}")
		.getBytes(StandardCharsets.UTF_8);

	@Override
	public void run() {
		long started = System.nanoTime();
		if (warmUp() && logger.isDebugEnabled()) {
			logger.debug("Warmed up the secrets import path in " + (System.nanoTime() - started) / 1_000_000 + " ms");
		}
	}

	/**
	 * Warm up on the calling thread.
	 * @return whether every step succeeded
	 */
	boolean warmUp() {
		try (SecretsManagerClient client = new SecretsManagerClientFactory(new InMemoryConnection(),
				new SecretsProperties.Client(), List.of(), new InMemoryHttpClient(), null)
			.createClient(List.of())) {
			CaffeineSecretCache cache = new CaffeineSecretCache(client, new SecretCacheProperties(), Clock.systemUTC());
			SecretSnapshot snapshot = cache.getAll(List.of(SecretKey.current(NAME))).get(SecretKey.current(NAME));
			SecretPropertiesFlattener.flatten(snapshot, "");
			if (URL_CONNECTION_PRESENT) {
				UrlConnection.buildAndClose();
			}
			return true;
		}
		catch (RuntimeException | LinkageError ex) {
			logger.debug("Warm-up of the secrets import path failed; the first import pays the full cost", ex);
			return false;
		}
	}

	private static final class InMemoryConnection implements SecretsManagerConnectionDetails {

		@Override
		public @Nullable URI getEndpoint() {
			// Never contacted: the HTTP client answers every request itself.
			return URI.create("http://127.0.0.1");
		}

		@Override
		public @Nullable Region getRegion() {
			return Region.US_EAST_1;
		}

		@Override
		public @Nullable AwsCredentialsProvider getCredentialsProvider() {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create("warm-up", "warm-up"));
		}

	}

	private static final class InMemoryHttpClient implements SdkHttpClient {

		@Override
		public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
			return new ExecutableHttpRequest() {

				@Override
				public HttpExecuteResponse call() {
					return HttpExecuteResponse.builder()
						.response(SdkHttpResponse.builder()
							.statusCode(200)
							.putHeader("Content-Type", "application/x-amz-json-1.1")
							.putHeader("Content-Length", String.valueOf(RESPONSE.length))
							.build())
						.responseBody(AbortableInputStream.create(new ByteArrayInputStream(RESPONSE)))
						.build();
				}

				@Override
				public void abort() {
				}

			};
		}

		@Override
		public void close() {
		}

	}

	// Keeps the optional HTTP client class out of this class's linkage.
	private static final class UrlConnection {

		static void buildAndClose() {
			UrlConnectionHttpClient.builder().build().close();
		}

	}

}
