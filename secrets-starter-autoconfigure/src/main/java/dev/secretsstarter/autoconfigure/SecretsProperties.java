package dev.secretsstarter.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection and client settings for AWS Secrets Manager, bound from {@code secrets.*}.
 * <p>
 * Client settings left unset are decided by the AWS SDK exactly as for a client built by hand
 * (including its environment variables and profile settings); a test pins that equivalence.
 * <p>
 * Mutable JavaBean for binding; not thread-safe, read once when clients are built.
 *
 * @author secrets-starter team
 */
@ConfigurationProperties("secrets")
public class SecretsProperties {

	/**
	 * Whether the Secrets Manager integration is enabled.
	 */
	private boolean enabled = true;

	/**
	 * AWS region of the Secrets Manager endpoint, for example "eu-west-1". When unset, the SDK's
	 * default region provider chain decides (AWS_REGION, profile, instance metadata).
	 */
	private @Nullable String region;

	/**
	 * Endpoint URL that overrides the regional one, for example a local server
	 * "http://127.0.0.1:4566" or a VPC endpoint.
	 */
	private @Nullable String endpoint;

	private final Credentials credentials = new Credentials();

	private final Client client = new Client();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public @Nullable String getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(@Nullable String endpoint) {
		this.endpoint = endpoint;
	}

	public Credentials getCredentials() {
		return this.credentials;
	}

	public Client getClient() {
		return this.client;
	}

	/**
	 * Credentials used to sign requests. Static keys and a profile are mutually exclusive; with
	 * neither, the SDK's default credentials provider chain is used.
	 */
	public static class Credentials {

		/**
		 * Access key id of static credentials. Requires secret-key.
		 */
		private @Nullable String accessKey;

		/**
		 * Secret access key of static credentials. Requires access-key.
		 */
		private @Nullable String secretKey;

		/**
		 * Session token of temporary static credentials. Requires access-key and secret-key.
		 */
		private @Nullable String sessionToken;

		/**
		 * Name of a profile in the shared AWS config and credentials files.
		 */
		private @Nullable String profile;

		public @Nullable String getAccessKey() {
			return this.accessKey;
		}

		public void setAccessKey(@Nullable String accessKey) {
			this.accessKey = accessKey;
		}

		public @Nullable String getSecretKey() {
			return this.secretKey;
		}

		public void setSecretKey(@Nullable String secretKey) {
			this.secretKey = secretKey;
		}

		public @Nullable String getSessionToken() {
			return this.sessionToken;
		}

		public void setSessionToken(@Nullable String sessionToken) {
			this.sessionToken = sessionToken;
		}

		public @Nullable String getProfile() {
			return this.profile;
		}

		public void setProfile(@Nullable String profile) {
			this.profile = profile;
		}

	}

	/**
	 * Request behaviour of the SDK client: retries and timeouts.
	 */
	public static class Client {

		/**
		 * Retry mode of the SDK: standard, adaptive or legacy. When unset, the SDK decides
		 * (AWS_RETRY_MODE, the profile's retry_mode, else the SDK's default mode).
		 */
		private @Nullable RetryMode retryMode;

		/**
		 * Maximum attempts per API call, the first included; at least 1. When unset, the SDK's
		 * default for the retry mode applies (AWS_MAX_ATTEMPTS, else 3 in standard and adaptive
		 * mode, 4 in legacy mode).
		 */
		private @Nullable Integer maxAttempts;

		/**
		 * Time allowed for one API call including every retry. Unset means no limit, as in the SDK.
		 */
		private @Nullable Duration apiCallTimeout;

		/**
		 * Time allowed for one HTTP attempt of an API call. Unset means no limit, as in the SDK.
		 */
		private @Nullable Duration apiCallAttemptTimeout;

		public @Nullable RetryMode getRetryMode() {
			return this.retryMode;
		}

		public void setRetryMode(@Nullable RetryMode retryMode) {
			this.retryMode = retryMode;
		}

		public @Nullable Integer getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(@Nullable Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public @Nullable Duration getApiCallTimeout() {
			return this.apiCallTimeout;
		}

		public void setApiCallTimeout(@Nullable Duration apiCallTimeout) {
			this.apiCallTimeout = apiCallTimeout;
		}

		public @Nullable Duration getApiCallAttemptTimeout() {
			return this.apiCallAttemptTimeout;
		}

		public void setApiCallAttemptTimeout(@Nullable Duration apiCallAttemptTimeout) {
			this.apiCallAttemptTimeout = apiCallAttemptTimeout;
		}

	}

	/**
	 * Retry modes of the AWS SDK. Kept as our own type so that "adaptive" maps to the SDK's current
	 * adaptive strategy rather than its deprecated one, which cannot take a maximum of attempts.
	 */
	public enum RetryMode {

		/**
		 * Exponential backoff with jitter and a retry quota.
		 */
		STANDARD(software.amazon.awssdk.core.retry.RetryMode.STANDARD),

		/**
		 * Standard plus client-side rate limiting when the service throttles.
		 */
		ADAPTIVE(software.amazon.awssdk.core.retry.RetryMode.ADAPTIVE_V2),

		/**
		 * The SDK's original behaviour, still its default when nothing else is configured.
		 */
		LEGACY(software.amazon.awssdk.core.retry.RetryMode.LEGACY);

		private final software.amazon.awssdk.core.retry.RetryMode sdkMode;

		RetryMode(software.amazon.awssdk.core.retry.RetryMode sdkMode) {
			this.sdkMode = sdkMode;
		}

		/**
		 * The SDK retry mode this mode stands for.
		 * @return the SDK retry mode
		 */
		public software.amazon.awssdk.core.retry.RetryMode toSdkRetryMode() {
			return this.sdkMode;
		}

	}

}
