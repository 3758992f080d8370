package dev.secretsstarter.jdbc;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Recognises "the database refused these credentials" across drivers: SQLState class 28
 * ({@code 28000} invalid authorization, {@code 28P01} invalid password: H2, PostgreSQL, MySQL,
 * MariaDB) and the vendor codes H2 28000, MySQL / MariaDB 1045, SQL Server 18456 and Oracle 1017
 * (ORA-01017), anywhere in the cause chain or the chained SQL exceptions.
 */
final class AuthenticationFailures {

	private static final int MAX_DEPTH = 20;

	private AuthenticationFailures() {
	}

	static boolean isAuthenticationFailure(@Nullable Throwable failure) {
		int depth = 0;
		for (Throwable current = failure; current != null && depth < MAX_DEPTH; current = current.getCause(), depth++) {
			if (current instanceof SQLException sql) {
				int chained = 0;
				for (SQLException next = sql; next != null && chained < MAX_DEPTH; next = next.getNextException(), chained++) {
					if (matches(next)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean matches(SQLException ex) {
		String state = ex.getSQLState();
		if ("28000".equals(state) || "28P01".equals(state)) {
			return true;
		}
		return switch (ex.getErrorCode()) {
			case 28000, 1045, 18456, 1017 -> true;
			default -> false;
		};
	}

}
