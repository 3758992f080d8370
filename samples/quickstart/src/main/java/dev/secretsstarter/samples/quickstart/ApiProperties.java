package dev.secretsstarter.samples.quickstart;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the (imaginary) partner API. {@code api.username} and {@code api.token} come from
 * the secret {@code quickstart/api-credentials}, imported with the prefix {@code api.} in
 * application.yml; {@code api.base-url} is a plain property. A JavaBean rather than a record so
 * that a rotation can rebind it in place.
 *
 * @author secrets-starter team
 */
// tag::configuration-properties[]
@ConfigurationProperties("api")
public class ApiProperties {

	/**
	 * Base URL of the partner API.
	 */
	private String baseUrl = "https://api.example.test";

	/**
	 * User name at the partner API (from the secret).
	 */
	private @Nullable String username;

	/**
	 * Token for the partner API (from the secret).
	 */
	private @Nullable String token;

	// getters and setters follow
	// end::configuration-properties[]

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

}
