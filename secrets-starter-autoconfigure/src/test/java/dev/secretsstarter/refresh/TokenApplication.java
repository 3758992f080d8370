package dev.secretsstarter.refresh;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.inject.SecretHandle;
import dev.secretsstarter.inject.SecretValue;
import dev.secretsstarter.inject.SecretValueAutoConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The smallest application that tracks one secret, {@code app/token}, through a live handle: the
 * client, cache, injection and refresh auto-configurations and one {@link User} bean.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class,
		SecretValueAutoConfiguration.class, SecretRefreshAutoConfiguration.class })
@Import(TokenApplication.User.class)
class TokenApplication {

	static class User {

		final SecretHandle<String> token;

		User(@SecretValue("app/token") SecretHandle<String> token) {
			this.token = token;
		}

	}

}
