package dev.secretsstarter.metrics;

import java.time.Clock;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.cache.SecretUsages;
import dev.secretsstarter.refresh.SecretRefreshAutoConfiguration;
import dev.secretsstarter.refresh.SecretsRefresher;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of
 * the secrets meters and the start-up line.
 * <p>
 * The {@link SecretsApiCallRecorder} and the start-up line need no Micrometer; the meter binders
 * are created only when Micrometer is on the class path, and Boot binds them to each
 * {@code MeterRegistry} (so without a registry nothing is published). When the application was
 * started by {@code SpringApplication}, the recorder is the one the config-data phase used
 * (promoted by {@link SecretsMetricsBootstrapInitializer}) and this backs off.
 *
 * @author secrets-starter team
 */
@AutoConfiguration(after = { SecretCacheAutoConfiguration.class, SecretRefreshAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "secrets.enabled", matchIfMissing = true)
public final class SecretsMetricsAutoConfiguration {

	SecretsMetricsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	SecretsApiCallRecorder secretsApiCallRecorder() {
		return new SecretsApiCallRecorder();
	}

	@Bean
	@ConditionalOnBean(SecretUsages.class)
	SecretsStartupReporter secretsStartupReporter(SecretUsages usages,
			ObjectProvider<SecretsApiCallRecorder> recorder) {
		return new SecretsStartupReporter(usages, recorder.getIfUnique());
	}

	/**
	 * The meter binders, when Micrometer is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@EnableConfigurationProperties(SecretsMetricsProperties.class)
	static class MicrometerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SecretsApiCallMeterBinder secretsApiCallMeterBinder(SecretsApiCallRecorder recorder) {
			return new SecretsApiCallMeterBinder(recorder);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(SecretCache.class)
		SecretCacheMeterBinder secretCacheMeterBinder(SecretCache cache, ObjectProvider<Clock> clock,
				SecretsMetricsProperties properties) {
			return new SecretCacheMeterBinder(cache, clock.getIfUnique(Clock::systemUTC), properties);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(SecretsRefresher.class)
		SecretRefreshMeterBinder secretRefreshMeterBinder(SecretsRefresher refresher) {
			return new SecretRefreshMeterBinder(refresher);
		}

	}

}
