package dev.secretsstarter.refresh;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.inject.SecretInjectionSite;
import dev.secretsstarter.inject.SecretInjectionSites;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.cloud.context.properties.ConfigurationPropertiesRebinder;
import org.springframework.cloud.context.scope.refresh.RefreshScope;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The targeted refresh with spring-cloud-context, instead of {@code ContextRefresher.refresh()}:
 * the secrets property sources already read through the cache, so the Environment is current and
 * nothing needs reloading. What remains is to
 * <ol>
 * <li>rebind the {@code @ConfigurationProperties} beans whose prefix covers a changed property
 * ({@link ConfigurationPropertiesRebinder#rebind(String)}, one bean at a time);</li>
 * <li>refresh the {@code @RefreshScope} beans that read a changed property when created, or have
 * a {@code @SecretValue} site on a changed secret ({@link RefreshScope#refresh(String)});</li>
 * <li>publish an {@link EnvironmentChangeEvent} with the changed names for other listeners (for
 * example logging levels). Its source is this object, not the context, so that the rebinder
 * does not rebind every bean.</li>
 * </ol>
 * Beans that depend on no changed secret are left alone. Runs on the refresher's thread.
 */
final class CloudBeanRefresher implements BeanRefresher {

	private static final Log logger = LogFactory.getLog(CloudBeanRefresher.class);

	private static final String SCOPED_TARGET_PREFIX = "scopedTarget.";

	private final ConfigurableApplicationContext context;

	private final ObjectProvider<ConfigurationPropertiesRebinder> rebinder;

	private final ObjectProvider<RefreshScope> refreshScope;

	private final RefreshScopeReads reads;

	private final Supplier<@Nullable SecretInjectionSites> sites;

	CloudBeanRefresher(ConfigurableApplicationContext context, ObjectProvider<ConfigurationPropertiesRebinder> rebinder,
			ObjectProvider<RefreshScope> refreshScope, RefreshScopeReads reads,
			Supplier<@Nullable SecretInjectionSites> sites) {
		this.context = context;
		this.rebinder = rebinder;
		this.refreshScope = refreshScope;
		this.reads = reads;
		this.sites = sites;
	}

	@Override
	public void refresh(Set<SecretKey> changedKeys, Set<String> changedPropertyNames) {
		List<ConfigurationPropertyName> changed = new ArrayList<>();
		for (String name : changedPropertyNames) {
			ConfigurationPropertyName adapted = ConfigurationPropertyName.adapt(name, '.');
			if (!adapted.isEmpty()) {
				changed.add(adapted);
			}
		}
		Set<String> rebound = rebind(changed);
		Set<String> refreshed = refreshScoped(changedKeys, changed);
		if (!changedPropertyNames.isEmpty()) {
			this.context.publishEvent(new EnvironmentChangeEvent(this, Set.copyOf(changedPropertyNames)));
		}
		if (logger.isDebugEnabled()) {
			logger.debug("After secret rotation: rebound " + rebound + ", refreshed " + refreshed);
		}
	}

	private Set<String> rebind(List<ConfigurationPropertyName> changed) {
		ConfigurationPropertiesRebinder rebinder = this.rebinder.getIfAvailable();
		Set<String> rebound = new LinkedHashSet<>();
		if (rebinder == null || changed.isEmpty()) {
			return rebound;
		}
		for (String beanName : rebinder.getBeanNames()) {
			ConfigurationPropertyName prefix = prefixOf(beanName);
			if (prefix != null && covers(prefix, changed) && rebinder.rebind(beanName)) {
				rebound.add(beanName);
			}
		}
		return rebound;
	}

	private @Nullable ConfigurationPropertyName prefixOf(String beanName) {
		try {
			Object bean = this.context.getBean(beanName);
			ConfigurationPropertiesBean properties = ConfigurationPropertiesBean.get(this.context, bean, beanName);
			return (properties != null) ? ConfigurationPropertyName.adapt(properties.getAnnotation().prefix(), '.')
					: null;
		}
		catch (RuntimeException ex) {
			logger.debug("Could not determine the prefix of @ConfigurationProperties bean '" + beanName + "'", ex);
			return null;
		}
	}

	private static boolean covers(ConfigurationPropertyName prefix, List<ConfigurationPropertyName> changed) {
		return prefix.isEmpty() || changed.stream().anyMatch((name) -> prefix.equals(name) || prefix.isAncestorOf(name));
	}

	private Set<String> refreshScoped(Set<SecretKey> changedKeys, List<ConfigurationPropertyName> changed) {
		RefreshScope scope = this.refreshScope.getIfAvailable();
		Set<String> refreshed = new LinkedHashSet<>();
		if (scope == null) {
			return refreshed;
		}
		Set<String> withChangedSites = new LinkedHashSet<>();
		SecretInjectionSites sites = this.sites.get();
		if (sites != null) {
			for (SecretInjectionSite site : sites.sites()) {
				if (changedKeys.contains(site.key())) {
					withChangedSites.add(site.beanName());
				}
			}
		}
		ConfigurableListableBeanFactory beanFactory = this.context.getBeanFactory();
		for (String beanName : beanFactory.getBeanDefinitionNames()) {
			if (!"refresh".equals(beanFactory.getMergedBeanDefinition(beanName).getScope())) {
				continue;
			}
			String plain = beanName.startsWith(SCOPED_TARGET_PREFIX) ? beanName.substring(SCOPED_TARGET_PREFIX.length())
					: beanName;
			if (withChangedSites.contains(beanName) || withChangedSites.contains(plain)
					|| this.reads.readAny(beanName, changed)) {
				scope.refresh(beanName);
				refreshed.add(plain);
			}
		}
		return refreshed;
	}

}
