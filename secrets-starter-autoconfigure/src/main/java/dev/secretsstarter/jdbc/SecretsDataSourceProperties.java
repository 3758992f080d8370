package dev.secretsstarter.jdbc;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a HikariCP DataSource takes its credentials from, bound from {@code secrets.datasource.*}.
 * The secret's JSON holds the user name and password under the configured keys, as the secrets
 * that Secrets Manager's database rotation templates write do.
 *
 * @author secrets-starter team
 */
@ConfigurationProperties("secrets.datasource")
public class SecretsDataSourceProperties {

	/**
	 * Name or ARN of the secret holding the database credentials. When set, the application's
	 * HikariCP DataSource uses them, follows their rotation without a restart, recovers at once
	 * when the database refuses them, and falls back to the last credentials that logged in when
	 * the database refuses a new version's.
	 */
	private @Nullable String secretId;

	/**
	 * JSON key of the user name in the secret. When the secret has no such key, the DataSource's
	 * own user name (spring.datasource.username) is used.
	 */
	private String usernameKey = "username";

	/**
	 * JSON key of the password in the secret.
	 */
	private String passwordKey = "password";

	public @Nullable String getSecretId() {
		return this.secretId;
	}

	public void setSecretId(@Nullable String secretId) {
		this.secretId = secretId;
	}

	public String getUsernameKey() {
		return this.usernameKey;
	}

	public void setUsernameKey(String usernameKey) {
		this.usernameKey = usernameKey;
	}

	public String getPasswordKey() {
		return this.passwordKey;
	}

	public void setPasswordKey(String passwordKey) {
		this.passwordKey = passwordKey;
	}

}
