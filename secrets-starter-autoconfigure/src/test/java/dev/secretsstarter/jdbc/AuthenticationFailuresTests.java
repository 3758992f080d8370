package dev.secretsstarter.jdbc;

import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationFailuresTests {

	@Test
	void h2WrongUserOrPasswordIsAnAuthenticationFailure() {
		assertThat(AuthenticationFailures.isAuthenticationFailure(new SQLException("Wrong user name or password", "28000", 28000)))
			.isTrue();
	}

	@Test
	void postgresqlInvalidPasswordIsAnAuthenticationFailure() {
		assertThat(AuthenticationFailures.isAuthenticationFailure(new SQLException("password authentication failed", "28P01")))
			.isTrue();
	}

	@Test
	void mysqlAndMariadbAccessDeniedIsAnAuthenticationFailure() {
		assertThat(AuthenticationFailures.isAuthenticationFailure(new SQLException("Access denied", "HY000", 1045))).isTrue();
	}

	@Test
	void sqlServerLoginFailedIsAnAuthenticationFailure() {
		assertThat(AuthenticationFailures.isAuthenticationFailure(new SQLException("Login failed", "S0001", 18456))).isTrue();
	}

	@Test
	void oracleInvalidUsernamePasswordIsAnAuthenticationFailure() {
		assertThat(AuthenticationFailures.isAuthenticationFailure(new SQLException("ORA-01017", "72000", 1017))).isTrue();
	}

	@Test
	void aFailureWrappedByAPoolOrChainedIsFound() {
		SQLException auth = new SQLInvalidAuthorizationSpecException("denied", "28000");
		assertThat(AuthenticationFailures.isAuthenticationFailure(new RuntimeException(new SQLException("outer", auth))))
			.isTrue();
		SQLException chained = new SQLException("first", "08001");
		chained.setNextException(auth);
		assertThat(AuthenticationFailures.isAuthenticationFailure(chained)).isTrue();
	}

	@Test
	void aConnectionFailureIsNotAnAuthenticationFailure() {
		assertThat(AuthenticationFailures.isAuthenticationFailure(new SQLException("Connection refused", "08001", 0)))
			.isFalse();
		assertThat(AuthenticationFailures.isAuthenticationFailure(null)).isFalse();
	}

}
