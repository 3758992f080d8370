package dev.secretsstarter.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database credentials in a secret: the current ones from the cache, a single-flight
 * recovery when the database refused them, and a fallback to the last credentials that logged in.
 * <p>
 * Recovery, in order: if another thread already moved to a newer version, use it; otherwise
 * refresh the secret (the cache swaps it and the pool follows); if AWSCURRENT has not moved, a
 * rotation may be between its setSecret and finishSecret steps, where the database already has
 * the AWSPENDING password, so try that version, as AWS's JDBC secrets wrappers do. Callers
 * queue on one lock and re-use what the first one found, and a version that was already found
 * wanting is not looked up again for a second, so a wrong password cannot cause a storm of calls.
 * <p>
 * Fallback: when nothing recovery finds logs in either (a botched rotation moved AWSCURRENT to a
 * password the database does not have), logins go back to the last credentials that opened a
 * connection, kept in memory only, while the secret serves the refused version; the first login
 * with any other version ends it (a later rotation, or the database user fixed to the refused
 * password, which makes the old one fail). Thread-safe.
 */
final class SecretDatabaseCredentials {

	private static final Log logger = LogFactory.getLog(SecretDatabaseCredentials.class);

	private static final JsonMapper json = JsonMapper.shared();

	private static final Duration RECOVERY_QUIET_PERIOD = Duration.ofSeconds(1);

	private final String beanName;

	private final SecretCache cache;

	private final SecretsManagerClient client;

	private final SecretKey key;

	private final SecretsDataSourceProperties properties;

	private final @Nullable String fallbackUsername;

	private final Clock clock;

	private volatile @Nullable Parsed parsed;

	private @Nullable DatabaseCredentials pending;

	private @Nullable String lastFailedVersion;

	private @Nullable Instant lastRecoveryAt;

	private volatile @Nullable DatabaseCredentials lastLoggedIn;

	private volatile @Nullable Fallback fallback;

	SecretDatabaseCredentials(String beanName, SecretCache cache, SecretsManagerClient client, SecretKey key,
			SecretsDataSourceProperties properties, @Nullable String fallbackUsername, Clock clock) {
		this.beanName = beanName;
		this.cache = cache;
		this.client = client;
		this.key = key;
		this.properties = properties;
		this.fallbackUsername = fallbackUsername;
		this.clock = clock;
	}

	SecretKey key() {
		return this.key;
	}

	/**
	 * The credentials parsed last (those the pool was given), without any I/O.
	 * @return the credentials, or {@code null} before the first version was parsed
	 */
	@Nullable DatabaseCredentials lastParsed() {
		Parsed last = this.parsed;
		return (last != null) ? last.credentials() : null;
	}

	/**
	 * The credentials of the version the cache serves now (parsed once per version); if that
	 * version holds no usable credentials, the last ones that did (the rotation listener keeps
	 * the pool on them too, and warns).
	 * @return the credentials
	 * @throws IllegalStateException if no version served so far held usable credentials
	 */
	DatabaseCredentials current() {
		return usable(this.cache.get(this.key));
	}

	private DatabaseCredentials usable(SecretSnapshot snapshot) {
		try {
			return of(snapshot);
		}
		catch (IllegalStateException ex) {
			Parsed last = this.parsed;
			if (last == null) {
				throw ex;
			}
			return last.credentials();
		}
	}

	/**
	 * The credentials to log in with: the current ones, unless the database refused them and
	 * logins fell back to the last ones that worked.
	 * @return the credentials
	 * @throws IllegalStateException if no version served so far held usable credentials
	 */
	DatabaseCredentials forLogin() {
		DatabaseCredentials now = current();
		Fallback active = this.fallback;
		return (active != null && active.rejectedVersionId().equals(now.versionId())) ? active.credentials() : now;
	}

	/**
	 * Note that these credentials opened a connection; a login with another version than the
	 * one logins fell back to ends the fallback.
	 * @param credentials the credentials that logged in
	 */
	void loggedIn(DatabaseCredentials credentials) {
		DatabaseCredentials last = this.lastLoggedIn;
		if (last == null || !last.versionId().equals(credentials.versionId())) {
			this.lastLoggedIn = credentials;
		}
		Fallback active = this.fallback;
		if (active != null && !active.credentials().versionId().equals(credentials.versionId())) {
			endFallback(active, credentials);
		}
	}

	private synchronized void endFallback(Fallback ended, DatabaseCredentials credentials) {
		if (this.fallback != ended) {
			return;
		}
		this.fallback = null;
		logger.info("DataSource '" + this.beanName + "' logs in with version " + credentials.versionId()
				+ " of secret '" + this.key + "' again; it no longer falls back to version "
				+ ended.credentials().versionId());
	}

	/**
	 * The last credentials that opened a connection, when the database refused every other
	 * version tried: logins use them while the secret serves the refused version.
	 * @param refusedVersionIds the versions the database refused in this login
	 * @return the credentials to log in with, or {@code null} if none are left to try
	 */
	synchronized @Nullable DatabaseCredentials fallBack(Set<String> refusedVersionIds) {
		DatabaseCredentials now = current();
		if (!refusedVersionIds.contains(now.versionId())) {
			// The secret moved meanwhile: its new version comes first.
			return now;
		}
		DatabaseCredentials good = this.lastLoggedIn;
		if (good == null || refusedVersionIds.contains(good.versionId())) {
			return null;
		}
		Fallback active = this.fallback;
		if (active == null || !active.rejectedVersionId().equals(now.versionId()) || active.credentials() != good) {
			this.fallback = new Fallback(good, now.versionId(), this.clock.instant());
			logger.warn("DataSource '" + this.beanName + "' logs in with version " + good.versionId() + " of secret '"
					+ this.key + "', the last one that logged in, because the database refuses the credentials of "
					+ "version " + now.versionId() + ", which the secret serves now. Fix the secret (a new version "
					+ "with the database user's password) or the database user (the password of version "
					+ now.versionId() + "); new connections take the first other version that logs in.");
		}
		return good;
	}

	/**
	 * What the pool logs in with, for health: no value, only version ids.
	 * @return the state
	 */
	LoginState loginState() {
		DatabaseCredentials last = this.lastLoggedIn;
		Fallback active = this.fallback;
		return new LoginState(this.beanName, this.key.secretId(), (last != null) ? last.versionId() : null,
				(active != null) ? active.rejectedVersionId() : null, (active != null) ? active.since() : null);
	}

	DatabaseCredentials of(SecretSnapshot snapshot) {
		Parsed last = this.parsed;
		if (last != null && last.snapshot() == snapshot) {
			return last.credentials();
		}
		DatabaseCredentials credentials = parse(snapshot);
		this.parsed = new Parsed(snapshot, credentials);
		return credentials;
	}

	/**
	 * Find credentials that may work after the database refused some.
	 * @param refused the credentials the database refused
	 * @return other credentials to try once, or {@code null} if there are none
	 */
	synchronized @Nullable DatabaseCredentials recover(DatabaseCredentials refused) {
		DatabaseCredentials now = current();
		if (!now.versionId().equals(refused.versionId())) {
			return now;
		}
		DatabaseCredentials knownPending = this.pending;
		if (knownPending != null && !knownPending.versionId().equals(refused.versionId())) {
			return knownPending;
		}
		Instant time = this.clock.instant();
		if (refused.versionId().equals(this.lastFailedVersion) && this.lastRecoveryAt != null
				&& time.isBefore(this.lastRecoveryAt.plus(RECOVERY_QUIET_PERIOD))) {
			return null;
		}
		this.lastFailedVersion = refused.versionId();
		this.lastRecoveryAt = time;
		logger.info("The database refused the credentials of secret '" + this.key + "' version "
				+ refused.versionId() + "; refreshing the secret");
		DatabaseCredentials refreshed = usable(this.cache.refresh(this.key));
		if (!refreshed.versionId().equals(refused.versionId())) {
			return refreshed;
		}
		this.pending = fetchPending();
		DatabaseCredentials found = this.pending;
		return (found != null && !found.versionId().equals(refused.versionId())) ? found : null;
	}

	private @Nullable DatabaseCredentials fetchPending() {
		try {
			GetSecretValueResponse response = this.client.getSecretValue(
					(request) -> request.secretId(this.key.secretId()).versionStage(SecretKey.AWSPENDING));
			if (response.secretString() == null) {
				return null;
			}
			return parse(SecretSnapshot.ofString(response.name(), response.arn(), response.versionId(), Set.of(),
					response.createdDate(), this.clock.instant(), response.secretString()));
		}
		catch (SdkException | IllegalStateException ex) {
			// Usually no rotation is in progress (no AWSPENDING version): nothing else to try.
			logger.debug("No AWSPENDING credentials for secret '" + this.key.secretId() + "': " + ex.getMessage());
			return null;
		}
	}

	private DatabaseCredentials parse(SecretSnapshot snapshot) {
		String value = snapshot.stringValue();
		JsonNode root = null;
		if (value != null) {
			try {
				root = json.readTree(value);
			}
			catch (JacksonException ex) {
				// Jackson's message quotes the input: never use it.
			}
		}
		JsonNode password = (root != null && root.isObject()) ? root.get(this.properties.getPasswordKey()) : null;
		if (password == null || !password.isString()) {
			throw new IllegalStateException("Secret '" + this.key + "' (version " + snapshot.versionId()
					+ ") is not a JSON object with a string '" + this.properties.getPasswordKey()
					+ "', so it cannot provide database credentials. Fix the secret, or set "
					+ "secrets.datasource.password-key / username-key to its keys.");
		}
		JsonNode username = root.get(this.properties.getUsernameKey());
		return new DatabaseCredentials((username != null && username.isString()) ? username.stringValue()
				: this.fallbackUsername, password.stringValue(), snapshot.versionId());
	}

	/**
	 * Logins fell back to the last credentials that worked because the database refused a version.
	 */
	private record Fallback(DatabaseCredentials credentials, String rejectedVersionId, Instant since) {

	}

	/**
	 * What a pool logs in with: version ids only.
	 *
	 * @param beanName the DataSource bean
	 * @param secretId the secret
	 * @param versionId the version of the last login, or {@code null} before the first
	 * @param rejectedVersionId the version the secret serves and the database refuses while logins
	 * fall back, else {@code null}
	 * @param fallingBackSince when logins fell back, or {@code null}
	 */
	record LoginState(String beanName, String secretId, @Nullable String versionId, @Nullable String rejectedVersionId,
			@Nullable Instant fallingBackSince) {

	}

	private record Parsed(SecretSnapshot snapshot, DatabaseCredentials credentials) {

		@Override
		public String toString() {
			return "Parsed[" + this.snapshot + "]";
		}

	}

}
