package dev.secretsstarter.refresh;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import dev.secretsstarter.autoconfigure.InvalidSecretsConfigurationException;
import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.cache.SecretUsages;
import dev.secretsstarter.inject.SecretInjectionSites;
import dev.secretsstarter.inject.SecretValueAutoConfiguration;
import dev.secretsstarter.local.LocalSecretsManager;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.context.properties.ConfigurationPropertiesRebinder;
import org.springframework.cloud.context.scope.refresh.RefreshScope;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of
 * rotation detection and refresh: the {@link SecretsRefresher} (polling per
 * {@code secrets.refresh.*}, "refresh now", status), the targeted refresh of
 * {@code @ConfigurationProperties} and {@code @RefreshScope} beans when spring-cloud-context is
 * present, and immediate refresh on changes of an in-process secrets-local server.
 *
 * @author secrets-starter team
 */
@AutoConfiguration(after = { SecretCacheAutoConfiguration.class, SecretValueAutoConfiguration.class },
		afterName = { "org.springframework.cloud.autoconfigure.RefreshAutoConfiguration",
				"org.springframework.cloud.autoconfigure.ConfigurationPropertiesRebinderAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "secrets.enabled", matchIfMissing = true)
@ConditionalOnBean({ SecretCache.class, SecretUsages.class, SecretsManagerClient.class })
@EnableConfigurationProperties(SecretRefreshProperties.class)
public final class SecretRefreshAutoConfiguration {

	SecretRefreshAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	SecretsRefresher secretsRefresher(SecretCache cache, SecretUsages usages, ObjectProvider<SecretsManagerClient> client,
			SecretRefreshProperties properties, ObjectProvider<Clock> clock, ConfigurableApplicationContext context,
			ObjectProvider<BeanRefresher> beanRefresher, ObjectProvider<SecretRefreshListener> listeners,
			KnownSnapshots secretsKnownSnapshots) {
		validate(properties);
		Clock resolvedClock = clock.getIfUnique(Clock::systemUTC);
		// The client (a lazy bean) is built on the first poll of a tracked secret, not at start-up.
		Supplier<SecretsManagerClient> lazyClient = SingletonSupplier.of(client::getObject);
		ChangeDetector describe = new DescribeChangeDetector(lazyClient, cache);
		ChangeDetector detector = (properties.getStrategy() == SecretRefreshProperties.DetectionStrategy.BATCH)
				? new BatchChangeDetector(lazyClient, cache, resolvedClock, describe) : describe;
		SecretsRefresher refresher = new SecretsRefresher(cache, usages, detector,
				beanRefresher.getIfAvailable(() -> BeanRefresher.NONE),
				new PropertyChangeTracker(context.getEnvironment()), context, properties, resolvedClock,
				secretsKnownSnapshots);
		listeners.orderedStream().forEach(refresher::addListener);
		return refresher;
	}

	// A post-processor, so that it sees the loads made while singletons are created.
	@Bean
	static KnownSnapshots secretsKnownSnapshots() {
		return new KnownSnapshots();
	}

	@Bean
	RefreshStartupReport secretsRefreshStartupReport(ConfigurableApplicationContext context,
			SecretRefreshProperties properties) {
		return new RefreshStartupReport(context.getBeanFactory(), context.getEnvironment(), properties);
	}

	private static void validate(SecretRefreshProperties properties) {
		if (!isPositive(properties.getInterval())) {
			throw new InvalidSecretsConfigurationException("secrets.refresh.interval", "it must be longer than zero",
					"Set it to how often to check for rotated secrets, for example 1m");
		}
		if (!(properties.getJitter() >= 0 && properties.getJitter() <= 0.5)) {
			throw new InvalidSecretsConfigurationException("secrets.refresh.jitter",
					"it must be a fraction between 0 and 0.5, but is " + properties.getJitter(),
					"Set it to the fraction by which polls may vary, for example 0.1");
		}
		if (properties.getHealthFailureThreshold() < 1) {
			throw new InvalidSecretsConfigurationException("secrets.refresh.health-failure-threshold",
					"it must be at least 1, but is " + properties.getHealthFailureThreshold(),
					"Set it to how many failed polls in a row make the secrets health DEGRADED, for example 3");
		}
		if (!isPositive(properties.getBackoff().getMax())) {
			throw new InvalidSecretsConfigurationException("secrets.refresh.backoff.max", "it must be longer than zero",
					"Set it to the longest wait between failing polls, for example 10m");
		}
	}

	private static boolean isPositive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = RefreshStartupReport.REFRESH_SCOPE_CLASS)
	static class CloudContextConfiguration {

		@Bean
		static RefreshScopeReads secretsRefreshScopeReads() {
			return new RefreshScopeReads();
		}

		@Bean
		CloudBeanRefresher secretsCloudBeanRefresher(ConfigurableApplicationContext context,
				ObjectProvider<ConfigurationPropertiesRebinder> rebinder, ObjectProvider<RefreshScope> refreshScope,
				RefreshScopeReads secretsRefreshScopeReads, ObjectProvider<SecretInjectionSites> sites) {
			return new CloudBeanRefresher(context, rebinder, refreshScope, secretsRefreshScopeReads,
					sites::getIfAvailable);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(LocalSecretsManager.class)
	@ConditionalOnBooleanProperty(name = { "secrets.refresh.enabled", "secrets.refresh.local-push" },
			matchIfMissing = true)
	static class LocalPushConfiguration {

		@Bean
		LocalSecretsPush secretsLocalPush(ObjectProvider<LocalSecretsManager> servers, SecretsRefresher refresher) {
			return new LocalSecretsPush(servers, refresher);
		}

	}

}
