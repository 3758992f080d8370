package dev.secretsstarter.samples.quickstart;

import dev.secretsstarter.inject.SecretHandle;
import dev.secretsstarter.inject.SecretValue;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Stands for a client of a partner API that authenticates with a token. It receives the token in
 * two ways, to show both: a {@code @SecretValue} field, re-injected when the secret rotates, and a
 * live {@link SecretHandle}, current by construction. Nothing is sent anywhere.
 *
 * @author secrets-starter team
 */
@Component
public class PartnerApiClient {

	// tag::secret-value[]
	// Re-injected after a rotation; volatile so that every thread sees the new value.
	@SecretValue(id = "quickstart/api-credentials", key = "token")
	private volatile @Nullable String token;

	// Always the current version: get() is one volatile read.
	private final SecretHandle<ApiCredentials> credentials;

	PartnerApiClient(@SecretValue("quickstart/api-credentials") SecretHandle<ApiCredentials> credentials) {
		this.credentials = credentials;
	}
	// end::secret-value[]

	/**
	 * The token the {@code @SecretValue} field holds now.
	 * @return the token
	 */
	@Nullable String fieldToken() {
		return this.token;
	}

	/**
	 * The live handle to the whole secret.
	 * @return the handle
	 */
	SecretHandle<ApiCredentials> credentials() {
		return this.credentials;
	}

}
