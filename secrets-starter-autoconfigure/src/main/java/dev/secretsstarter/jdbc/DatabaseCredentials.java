package dev.secretsstarter.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * A user name and password taken from one version of a secret. {@link #toString()} hides both:
 * the user name is part of the secret's value too. Immutable.
 *
 * @param username the user name, or {@code null} to use the DataSource's own
 * @param password the password
 * @param versionId the secret version they came from
 */
record DatabaseCredentials(@Nullable String username, String password, String versionId) {

	@Override
	public String toString() {
		return "DatabaseCredentials[username=" + ((this.username != null) ? "<hidden>" : "none")
				+ ", password=<hidden>, versionId=" + this.versionId + "]";
	}

}
