package dev.secretsstarter.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the secrets meters, bound from {@code secrets.metrics.*}. Turn all of them off with
 * Boot's {@code management.metrics.enable.secrets=false}.
 *
 * @author secrets-starter team
 */
@ConfigurationProperties("secrets.metrics")
public class SecretsMetricsProperties {

	/**
	 * Whether to publish per-secret meters tagged with the secret id (the age of each secret's
	 * value). Off by default: secret names can reveal what an application talks to, and each one
	 * adds a time series.
	 */
	private boolean secretIdTags = false;

	/**
	 * Largest number of secret ids that get per-secret meters; secrets beyond it are left out
	 * (logged once), so that a name-prefix import cannot create unbounded series.
	 */
	private int maxTaggedSecrets = 100;

	public boolean isSecretIdTags() {
		return this.secretIdTags;
	}

	public void setSecretIdTags(boolean secretIdTags) {
		this.secretIdTags = secretIdTags;
	}

	public int getMaxTaggedSecrets() {
		return this.maxTaggedSecrets;
	}

	public void setMaxTaggedSecrets(int maxTaggedSecrets) {
		this.maxTaggedSecrets = maxTaggedSecrets;
	}

}
