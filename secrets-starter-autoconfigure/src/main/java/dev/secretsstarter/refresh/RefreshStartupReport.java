package dev.secretsstarter.refresh;

import java.util.ArrayList;
import java.util.List;

import dev.secretsstarter.config.SecretsPropertySource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Says at start-up what rotation cannot do in this application, so that no setting is ignored
 * silently: {@code @RefreshScope} beans without a registered refresh scope, imported secrets
 * without spring-cloud-context to rebind {@code @ConfigurationProperties}, polling switched off.
 */
final class RefreshStartupReport implements SmartInitializingSingleton {

	static final String REFRESH_SCOPE_CLASS = "org.springframework.cloud.context.scope.refresh.RefreshScope";

	private static final Log logger = LogFactory.getLog(RefreshStartupReport.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final ConfigurableEnvironment environment;

	private final SecretRefreshProperties properties;

	RefreshStartupReport(ConfigurableListableBeanFactory beanFactory, ConfigurableEnvironment environment,
			SecretRefreshProperties properties) {
		this.beanFactory = beanFactory;
		this.environment = environment;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		boolean cloud = ClassUtils.isPresent(REFRESH_SCOPE_CLASS, this.beanFactory.getBeanClassLoader());
		List<String> refreshScoped = refreshScopedBeans();
		if (!refreshScoped.isEmpty() && (!cloud || !this.beanFactory.containsBean("refreshScope"))) {
			logger.warn("Beans " + refreshScoped + " are in the 'refresh' scope, but no RefreshScope is registered "
					+ (cloud ? "(is spring.cloud.refresh.enabled false?)" : "(spring-cloud-context is not on the class path)")
					+ ", so they are not refreshed when a secret rotates. Add org.springframework.cloud:spring-cloud-context "
					+ "and leave spring.cloud.refresh.enabled on, or read the secret through @SecretValue or a SecretHandle.");
		}
		if (!cloud && hasImports()) {
			logger.info("spring-cloud-context is not on the class path: when a secret rotates, the Environment, "
					+ "@SecretValue fields and setters, SecretHandles and a secret-backed DataSource follow, but "
					+ "@ConfigurationProperties beans bound from imported secrets keep their values. Add "
					+ "org.springframework.cloud:spring-cloud-context to rebind them.");
		}
		if (!this.properties.isEnabled()) {
			logger.info("secrets.refresh.enabled is false: secrets are not polled for changes; rotations reach the "
					+ "application only through SecretsRefresher.refreshNow() or a restart.");
		}
	}

	private List<String> refreshScopedBeans() {
		List<String> names = new ArrayList<>();
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			if ("refresh".equals(this.beanFactory.getMergedBeanDefinition(name).getScope())) {
				names.add(name.startsWith("scopedTarget.") ? name.substring("scopedTarget.".length()) : name);
			}
		}
		return names;
	}

	private boolean hasImports() {
		return this.environment.getPropertySources().stream().anyMatch(SecretsPropertySource.class::isInstance);
	}

}
