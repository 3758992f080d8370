package dev.secretsstarter.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code secretsDataSource} health contributor: per HikariCP pool whose credentials come from
 * a secret, the secret and the version its last login used; {@link #DEGRADED} while logins fall
 * back to the last credentials that worked because the database refuses the version the secret
 * serves (a botched rotation), with that {@code rejectedVersionId} and {@code fallingBackSince}.
 * Version ids only, never a value; no I/O. Boot leaves a status it does not know out of the
 * aggregate, so by default a degraded contributor does not change the application's overall
 * status (the pool keeps working). Thread-safe.
 */
final class SecretsDataSourceHealthIndicator extends AbstractHealthIndicator {

	/** Logins fall back to older credentials because the database refuses the secret's. */
	static final Status DEGRADED = new Status("DEGRADED",
			"The database refuses the credentials the secret serves; logins use the last ones that worked");

	private final Supplier<? extends Iterable<SecretDatabaseCredentials>> credentials;

	SecretsDataSourceHealthIndicator(Supplier<? extends Iterable<SecretDatabaseCredentials>> credentials) {
		super("DataSource credentials health check failed");
		this.credentials = credentials;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean fallingBack = false;
		for (SecretDatabaseCredentials pool : this.credentials.get()) {
			SecretDatabaseCredentials.LoginState state = pool.loginState();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("secret", state.secretId());
			if (state.versionId() != null) {
				details.put("versionId", state.versionId());
			}
			if (state.rejectedVersionId() != null && state.fallingBackSince() != null) {
				fallingBack = true;
				details.put("rejectedVersionId", state.rejectedVersionId());
				details.put("fallingBackSince", state.fallingBackSince().toString());
			}
			builder.withDetail(state.beanName(), details);
		}
		builder.status(fallingBack ? DEGRADED : Status.UP);
	}

}
