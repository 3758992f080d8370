package dev.secretsstarter.samples.quickstart;

/**
 * The JSON value of the secret {@code quickstart/api-credentials}, mapped by Jackson.
 *
 * @param username the user name
 * @param token the token
 * @author secrets-starter team
 */
public record ApiCredentials(String username, String token) {

	@Override
	public String toString() {
		// A record's default toString would print both: the user name is part of the secret's value too.
		return "ApiCredentials[username=<hidden>, token=<hidden>]";
	}

}
