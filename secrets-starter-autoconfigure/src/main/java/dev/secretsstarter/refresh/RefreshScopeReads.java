package dev.secretsstarter.refresh;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Records which properties each {@code @RefreshScope} bean reads while it is created, so that a
 * rotation refreshes only the beans that read a changed property.
 * <p>
 * How: a bean post-processor keeps a per-thread stack of the refresh-scoped beans being created,
 * and a property source placed first in the Environment, which never answers, notes every name
 * looked up while a bean is on the stack. Property resolution ({@code @Value}, the binder of
 * {@code @ConfigurationProperties}, {@code Environment.getProperty}) asks every source in turn, so
 * the first one sees every lookup whichever source answers it. A bean's record is reset each time
 * it is created again. The cost elsewhere is one thread-local read per property lookup.
 * Thread-safe.
 */
final class RefreshScopeReads implements InstantiationAwareBeanPostProcessor, BeanFactoryAware, EnvironmentAware {

	static final String PROPERTY_SOURCE_NAME = "secretsRefreshScopeReads";

	private static final String REFRESH_SCOPE = "refresh";

	private final ThreadLocal<@Nullable Deque<String>> creating = new ThreadLocal<>();

	private final Map<String, Set<String>> reads = new ConcurrentHashMap<>();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		if (beanFactory instanceof ConfigurableListableBeanFactory listable) {
			this.beanFactory = listable;
		}
	}

	@Override
	public void setEnvironment(Environment environment) {
		if (environment instanceof ConfigurableEnvironment configurable
				&& !configurable.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			configurable.getPropertySources().addFirst(new Probe());
		}
	}

	@Override
	public @Nullable Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) {
		if (isRefreshScoped(beanName)) {
			this.reads.put(beanName, ConcurrentHashMap.newKeySet());
			Deque<String> stack = this.creating.get();
			if (stack == null) {
				stack = new ArrayDeque<>();
				this.creating.set(stack);
			}
			stack.push(beanName);
		}
		return null;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Deque<String> stack = this.creating.get();
		if (stack != null && stack.contains(beanName)) {
			// Also drops beans above it whose creation failed.
			while (!stack.isEmpty() && !beanName.equals(stack.pop())) {
			}
			if (stack.isEmpty()) {
				this.creating.remove();
			}
		}
		return bean;
	}

	/**
	 * Whether a bean read a changed property (or a parent of one, as binding a map does) when it
	 * was last created.
	 * @param beanName the bean name
	 * @param changed the changed property names
	 * @return whether it did
	 */
	boolean readAny(String beanName, Collection<ConfigurationPropertyName> changed) {
		Set<String> names = this.reads.get(beanName);
		if (names == null || changed.isEmpty()) {
			return false;
		}
		for (String read : names) {
			ConfigurationPropertyName name = ConfigurationPropertyName.adapt(read, '.');
			if (name.isEmpty()) {
				continue;
			}
			for (ConfigurationPropertyName candidate : changed) {
				if (name.equals(candidate) || name.isAncestorOf(candidate)) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean isRefreshScoped(String beanName) {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		return factory != null && factory.containsBeanDefinition(beanName)
				&& REFRESH_SCOPE.equals(factory.getMergedBeanDefinition(beanName).getScope());
	}

	/** Never answers; notes names looked up while a refresh-scoped bean is being created. */
	private final class Probe extends PropertySource<Object> {

		Probe() {
			super(PROPERTY_SOURCE_NAME, new Object());
		}

		@Override
		public @Nullable Object getProperty(String name) {
			Deque<String> stack = RefreshScopeReads.this.creating.get();
			if (stack != null && !stack.isEmpty()) {
				Set<String> names = RefreshScopeReads.this.reads.get(stack.peek());
				if (names != null) {
					names.add(name);
				}
			}
			return null;
		}

	}

}
