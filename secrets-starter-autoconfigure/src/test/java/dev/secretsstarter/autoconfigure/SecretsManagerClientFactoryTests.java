package dev.secretsstarter.autoconfigure;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsManagerClientFactoryTests {

	@Test
	void onlyAnHttpEndpointOverrideSkipsTheTrustStore() {
		assertThat(SecretsManagerClientFactory.isPlainHttp(URI.create("http://127.0.0.1:4566"))).isTrue();
		assertThat(SecretsManagerClientFactory.isPlainHttp(URI.create("HTTP://localhost"))).isTrue();
		assertThat(SecretsManagerClientFactory.isPlainHttp(URI.create("https://secretsmanager.eu-west-1.amazonaws.com")))
			.isFalse();
		assertThat(SecretsManagerClientFactory.isPlainHttp(null)).isFalse();
	}

}
