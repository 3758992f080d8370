package dev.secretsstarter.config;

import dev.secretsstarter.cache.SecretCache;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.bootstrap.BootstrapContextClosedEvent;
import org.springframework.context.ApplicationListener;

/**
 * When the bootstrap context closes, registers what the config-data phase built as singletons of
 * the application context, so the auto-configurations' {@code @ConditionalOnMissingBean} back off
 * and one client, one cache and one usage registry serve the whole application. The client is
 * closed with the context.
 */
final class SecretsBootstrapPromoter implements ApplicationListener<BootstrapContextClosedEvent> {

	static final String CLIENT_BEAN = "secretsManagerClient";

	static final String CACHE_BEAN = "secretCache";

	static final String USAGES_BEAN = "secretUsages";

	private final SecretsImports imports;

	SecretsBootstrapPromoter(SecretsImports imports) {
		this.imports = imports;
	}

	@Override
	public void onApplicationEvent(BootstrapContextClosedEvent event) {
		ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
		SecretsManagerClient client = this.imports.clientIfCreated();
		if (client != null && !beanFactory.containsBean(CLIENT_BEAN)) {
			beanFactory.registerSingleton(CLIENT_BEAN, client);
			if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
				registry.registerDisposableBean(CLIENT_BEAN, client::close);
			}
		}
		SecretCache cache = this.imports.cacheIfCreated();
		if (cache != null && !beanFactory.containsBean(CACHE_BEAN)) {
			beanFactory.registerSingleton(CACHE_BEAN, cache);
		}
		if (!beanFactory.containsBean(USAGES_BEAN)) {
			beanFactory.registerSingleton(USAGES_BEAN, this.imports.usages());
		}
	}

}
