package dev.secretsstarter.actuate;

import java.time.Clock;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.cache.SecretCacheProperties;
import dev.secretsstarter.cache.SecretUsages;
import dev.secretsstarter.refresh.SecretRefreshAutoConfiguration;
import dev.secretsstarter.refresh.SecretRefreshProperties;
import dev.secretsstarter.refresh.SecretsRefresher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * actuator support: the {@code secrets} endpoint (when available), the {@code secrets} health
 * contributor (when {@code management.health.secrets.enabled} is not false) and the sanitizing
 * function that masks values from secrets in {@code /actuator/env} and
 * {@code /actuator/configprops}. Only with Spring Boot Actuator on the class path.
 *
 * @author secrets-starter team
 */
@AutoConfiguration(after = { SecretCacheAutoConfiguration.class, SecretRefreshAutoConfiguration.class })
@ConditionalOnClass(SanitizingFunction.class)
public final class SecretsActuatorAutoConfiguration {

	SecretsActuatorAutoConfiguration() {
	}

	// Masking applies even with secrets.enabled=false: values may come from an earlier import.
	@Bean
	@ConditionalOnMissingBean
	SecretsSanitizingFunction secretsSanitizingFunction(Environment environment) {
		return new SecretsSanitizingFunction(
				(environment instanceof ConfigurableEnvironment configurable) ? configurable : null);
	}

	/**
	 * The endpoint, when Spring Boot's actuator auto-configuration is present (a library may
	 * bring spring-boot-actuator alone). As for health, its own condition sits on a nested class
	 * that is only read once the class check passed.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "secrets.enabled", matchIfMissing = true)
	@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
	static class EndpointConfiguration {

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnAvailableEndpoint(SecretsEndpoint.class)
		@ConditionalOnBean({ SecretCache.class, SecretUsages.class })
		@EnableConfigurationProperties(SecretCacheProperties.class)
		static class AvailableEndpointConfiguration {

			@Bean
			@ConditionalOnMissingBean
			SecretsEndpoint secretsEndpoint(SecretCache cache, SecretUsages usages, ObjectProvider<Clock> clock,
					SecretCacheProperties properties, ObjectProvider<SecretsRefresher> refresher) {
				// With the rotation machinery, a refresh also rebinds dependent beans and publishes
				// events; without it (no bean, or a custom setup), the cache refreshes each key.
				SecretsRefresher rotation = refresher.getIfUnique();
				SecretsEndpoint.SecretRefresher refresh = (rotation != null)
						? SecretsEndpoint.SecretRefresher.of(rotation, cache)
						: SecretsEndpoint.SecretRefresher.of(cache);
				return new SecretsEndpoint(cache, usages, refresh, clock.getIfUnique(Clock::systemUTC),
						properties.getMaxStaleness(), () -> (rotation != null) ? rotation.status() : null);
			}

			@Bean
			@ConditionalOnMissingBean
			@ConditionalOnBean(SecretsEndpoint.class)
			@ConditionalOnAvailableEndpoint(endpoint = SecretsEndpoint.class, exposure = EndpointExposure.WEB)
			SecretsEndpointWebExtension secretsEndpointWebExtension(SecretsEndpoint endpoint) {
				return new SecretsEndpointWebExtension(endpoint);
			}

		}

	}

	/**
	 * The health contributor, when Spring Boot's health support (spring-boot-health, which
	 * spring-boot-actuator does not bring) is present. Its conditions sit on a nested class:
	 * Spring reads every condition of a class before evaluating any, so the health module's own
	 * condition beside the class check would fail start-up without that module.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "secrets.enabled", matchIfMissing = true)
	@ConditionalOnClass(HealthIndicator.class)
	static class HealthConfiguration {

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnEnabledHealthIndicator("secrets")
		@ConditionalOnBean(SecretCache.class)
		@EnableConfigurationProperties(SecretCacheProperties.class)
		static class IndicatorConfiguration {

			@Bean
			@ConditionalOnMissingBean(name = "secretsHealthIndicator")
			SecretsHealthIndicator secretsHealthIndicator(SecretCache cache, ObjectProvider<Clock> clock,
					SecretCacheProperties properties, ObjectProvider<SecretsRefresher> refresher,
					ObjectProvider<SecretRefreshProperties> refreshProperties) {
				// Without the rotation machinery there are no polls to fail: the cache alone decides.
				SecretsRefresher rotation = refresher.getIfUnique();
				int threshold = refreshProperties.getIfAvailable(SecretRefreshProperties::new)
					.getHealthFailureThreshold();
				// With polling off, the refresher rechecks failed keys for health (it does nothing
				// while polling is on).
				return new SecretsHealthIndicator(cache, clock.getIfUnique(Clock::systemUTC),
						properties.getMaxStaleness(), () -> (rotation != null) ? rotation.status() : null, threshold,
						(keys) -> {
							if (rotation != null) {
								rotation.recheck(keys);
							}
						});
			}

		}

	}

}
