package dev.secretsstarter.docs.examples;

import dev.secretsstarter.inject.SecretHandle;
import dev.secretsstarter.inject.SecretValue;

import org.springframework.stereotype.Service;

/*
 * Code shown in docs/guides/secret-value.md, compiled so the snippet stays correct. This package is
 * not scanned by any test application.
 */
// tag::order-service[]
@Service
class OrderService {

	@SecretValue("api/key")                                   // whole value, as a String
	private String apiKey;

	@SecretValue(id = "db/credentials", key = "password")     // one JSON field
	private char[] dbPassword;

	private final SecretHandle<DbCredentials> credentials;    // always current, never re-injected

	OrderService(@SecretValue("db/credentials") SecretHandle<DbCredentials> credentials) {
		this.credentials = credentials;
	}
}

record DbCredentials(String username, String password, int port) { }
// end::order-service[]
