package dev.secretsstarter.inject;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of
 * {@link SecretValue @SecretValue} injection and {@link SecretHandle live handles}.
 * <p>
 * Needs a {@link dev.secretsstarter.cache.SecretCache} bean, looked up when the first
 * {@code @SecretValue} is injected rather than here, so that applications without any
 * {@code @SecretValue} do not depend on it and the post-processor does not create it early. At
 * that first injection the secrets of every site of the application are loaded in one call (see
 * {@code SecretValuePrefetcher}).
 *
 * @author secrets-starter team
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "secrets.enabled", matchIfMissing = true)
public final class SecretValueAutoConfiguration {

	SecretValueAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	static SecretValueBeanPostProcessor secretValueBeanPostProcessor() {
		return new SecretValueBeanPostProcessor();
	}

	@Bean
	static SecretValueResolverRegistrar secretValueResolverRegistrar() {
		return new SecretValueResolverRegistrar();
	}

	@Bean
	static SecretValuePrefetcher secretValuePrefetcher() {
		return new SecretValuePrefetcher();
	}

	@Bean
	SecretInjectionSites secretInjectionSites(SecretValueBeanPostProcessor secretValueBeanPostProcessor) {
		return secretValueBeanPostProcessor.getInjectionSites();
	}

}
