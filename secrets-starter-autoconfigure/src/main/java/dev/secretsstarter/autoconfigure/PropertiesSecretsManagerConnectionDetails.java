package dev.secretsstarter.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Adapts {@link SecretsProperties} to {@link SecretsManagerConnectionDetails}, validating them
 * eagerly so that a misconfiguration fails at start-up with the property named.
 * <p>
 * Immutable and thread-safe once constructed.
 *
 * @author secrets-starter team
 */
public final class PropertiesSecretsManagerConnectionDetails implements SecretsManagerConnectionDetails {

	// Commercial, GovCloud, China, ISO and future partitions: letters, dashes, a trailing number.
	private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z]+)+-\\d{1,2}");

	private final @Nullable URI endpoint;

	private final @Nullable String region;

	private final SingletonSupplier<Optional<AwsCredentialsProvider>> credentialsProvider;

	/**
	 * Create connection details from properties.
	 * @param properties the bound properties
	 * @throws InvalidSecretsConfigurationException if a property cannot work
	 */
	public PropertiesSecretsManagerConnectionDetails(SecretsProperties properties) {
		this.endpoint = endpoint(properties.getEndpoint());
		this.region = region(properties.getRegion());
		// Validated now, built on first use: an application that builds no client loads no SDK
		// credentials classes.
		Credentials credentials = Credentials.of(properties.getCredentials());
		this.credentialsProvider = SingletonSupplier.of(() -> Optional.ofNullable(credentials.provider()));
	}

	private static @Nullable URI endpoint(@Nullable String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		String fix = "Use an absolute http or https URL such as 'http://127.0.0.1:4566' or "
				+ "'https://secretsmanager.eu-west-1.amazonaws.com', or remove it to use the regional endpoint.";
		try {
			URI uri = new URI(value.trim());
			String scheme = uri.getScheme();
			if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					|| uri.getHost() == null) {
				throw new InvalidSecretsConfigurationException("secrets.endpoint",
						"'" + value + "' is not an absolute http(s) URL", fix);
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new InvalidSecretsConfigurationException("secrets.endpoint",
					"'" + value + "' is not a valid URL (" + ex.getReason() + ")", fix);
		}
	}

	private static @Nullable String region(@Nullable String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		String trimmed = value.trim();
		if (!REGION.matcher(trimmed).matches()) {
			throw new InvalidSecretsConfigurationException("secrets.region",
					"'" + value + "' is not an AWS region name",
					"Use a region code such as 'us-east-1' or 'eu-west-1', or remove it to use the SDK's default "
							+ "region chain (AWS_REGION, the profile, instance metadata).");
		}
		return trimmed;
	}

	/**
	 * Validated credential settings, trimmed.
	 */
	private record Credentials(@Nullable String accessKey, @Nullable String secretKey, @Nullable String sessionToken,
			@Nullable String profile) {

		static Credentials of(SecretsProperties.Credentials credentials) {
			boolean hasAccessKey = StringUtils.hasText(credentials.getAccessKey());
			boolean hasSecretKey = StringUtils.hasText(credentials.getSecretKey());
			boolean hasSessionToken = StringUtils.hasText(credentials.getSessionToken());
			boolean hasProfile = StringUtils.hasText(credentials.getProfile());
			if (hasAccessKey != hasSecretKey) {
				String missing = hasAccessKey ? "secrets.credentials.secret-key" : "secrets.credentials.access-key";
				throw new InvalidSecretsConfigurationException(missing,
						"static credentials are half given: it is missing while its pair is set",
						"Set both secrets.credentials.access-key and secrets.credentials.secret-key, or neither to use "
								+ "the SDK's default credentials chain.");
			}
			if (hasSessionToken && !hasAccessKey) {
				throw new InvalidSecretsConfigurationException("secrets.credentials.session-token",
						"a session token needs an access key and a secret key",
						"Set secrets.credentials.access-key and secrets.credentials.secret-key too, or remove the token.");
			}
			if (hasProfile && hasAccessKey) {
				throw new InvalidSecretsConfigurationException("secrets.credentials.profile",
						"a profile and static keys are both set",
						"Choose one: remove secrets.credentials.profile or the static access-key/secret-key.");
			}
			if (hasProfile) {
				requireProfile(credentials.getProfile().trim());
			}
			return new Credentials(hasAccessKey ? credentials.getAccessKey().trim() : null,
					hasSecretKey ? credentials.getSecretKey().trim() : null,
					hasSessionToken ? credentials.getSessionToken().trim() : null,
					hasProfile ? credentials.getProfile().trim() : null);
		}

		// The SDK would only fail on the first call, far from the setting that caused it.
		private static void requireProfile(String profile) {
			String fix = "Define it in the shared AWS config or credentials file (~/.aws/config, ~/.aws/credentials, "
					+ "or the files AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE name), correct the name, or "
					+ "remove secrets.credentials.profile to use the SDK's default credentials chain.";
			boolean defined;
			try {
				defined = ProfileFile.defaultProfileFile().profile(profile).isPresent();
			}
			catch (SdkException ex) {
				throw new InvalidSecretsConfigurationException("secrets.credentials.profile",
						"the shared AWS config files, which should define profile '" + profile + "', could not be read ("
								+ ex.getMessage() + ")",
						fix);
			}
			if (!defined) {
				throw new InvalidSecretsConfigurationException("secrets.credentials.profile",
						"no profile '" + profile + "' is defined in the shared AWS config or credentials file", fix);
			}
		}

		@Nullable AwsCredentialsProvider provider() {
			if (this.profile != null) {
				return ProfileCredentialsProvider.create(this.profile);
			}
			if (this.accessKey != null && this.secretKey != null) {
				return StaticCredentialsProvider.create((this.sessionToken != null)
						? AwsSessionCredentials.create(this.accessKey, this.secretKey, this.sessionToken)
						: AwsBasicCredentials.create(this.accessKey, this.secretKey));
			}
			return null;
		}

		// Never print the keys.
		@Override
		public String toString() {
			return "Credentials[static=" + (this.accessKey != null) + ", profile=" + this.profile + "]";
		}

	}

	@Override
	public @Nullable URI getEndpoint() {
		return this.endpoint;
	}

	@Override
	public @Nullable Region getRegion() {
		return (this.region != null) ? Region.of(this.region) : null;
	}

	@Override
	public @Nullable AwsCredentialsProvider getCredentialsProvider() {
		return this.credentialsProvider.obtain().orElse(null);
	}

}
