package dev.secretsstarter.benchmarks.apps;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bean whose value a rotation must reach: bound from the keys of secret {@code bench/s000}
 * ({@code s000.revision}, {@code s000.password}), rebound by Spring Cloud Context when the
 * environment changes. Fields are volatile because the benchmark reads them from another thread.
 *
 * @author secrets-starter team
 */
@ConfigurationProperties("s000")
public class RotatedProperties {

	/** The revision the secret's value was written with. */
	private volatile String revision = "";

	/** The password. */
	private volatile String password = "";

	public String getRevision() {
		return this.revision;
	}

	public void setRevision(String revision) {
		this.revision = revision;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}
