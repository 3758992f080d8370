package dev.secretsstarter.jdbc;

import java.util.function.Supplier;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks, in {@code /actuator/configprops} and {@code /actuator/env}, the user name and password a
 * HikariCP pool took from its secret, whatever {@code management.endpoint.*.show-values} says. The
 * pool is a {@code @ConfigurationProperties} bean ({@code spring.datasource.hikari}) whose
 * {@code username} and {@code password} hold the secret's credentials, which come from no property
 * source, so {@code SecretsSanitizingFunction} cannot recognise them. Any value equal to those
 * credentials is masked: masking a harmless value that happens to be equal is the safe side.
 * Thread-safe.
 */
final class DataSourceCredentialsSanitizingFunction implements SanitizingFunction {

	private final Supplier<? extends Iterable<SecretDatabaseCredentials>> credentials;

	DataSourceCredentialsSanitizingFunction(Supplier<? extends Iterable<SecretDatabaseCredentials>> credentials) {
		this.credentials = credentials;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		Object value = data.getValue();
		String text = (value instanceof char[] chars) ? new String(chars)
				: (value instanceof CharSequence sequence) ? sequence.toString() : null;
		if (text == null || text.isEmpty()) {
			return data;
		}
		for (SecretDatabaseCredentials candidate : this.credentials.get()) {
			// The credentials the pool holds now, without I/O: this runs for every property shown.
			DatabaseCredentials current = candidate.lastParsed();
			if (current != null && (text.equals(current.password()) || text.equals(current.username()))) {
				return data.withSanitizedValue();
			}
		}
		return data;
	}

}
