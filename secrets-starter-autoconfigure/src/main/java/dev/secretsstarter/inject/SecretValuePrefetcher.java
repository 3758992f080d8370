package dev.secretsstarter.inject;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.secretsstarter.cache.SecretKey;

/**
 * Finds, without creating any bean, where the application's {@link SecretValue @SecretValue}
 * sites are, so that the first injection can load all their secrets in one call to the cache
 * (which fetches 20 per {@code BatchGetSecretValue} call) instead of one call per bean.
 * <p>
 * After the other bean factory post-processors, every bean definition that is neither abstract
 * nor lazy is recorded with its predicted type (whose fields and setters the
 * {@link SecretValueBeanPostProcessor} will inject) and the constructors or factory
 * ({@code @Bean}) methods that may create it, and its {@code @Autowired} methods, that have a
 * {@code @SecretValue} parameter. A
 * definition whose type cannot be predicted without instantiating something (a class that does not
 * load, a {@code FactoryBean} product) is skipped: its bean loads its secrets when it is created,
 * as without the prefetch. Annotations are parsed, and placeholders resolved, only when the keys
 * are asked for, by the same code that later injects the sites; a site that cannot be resolved
 * then is left out and reported by its own injection.
 * <p>
 * Lazy beans are skipped because they are not created at start-up, and loading their secrets
 * early would cost calls for beans that may never exist. Beans of other scopes are included:
 * whenever they are first created, their secrets are then already cached.
 * <p>
 * Thread-safe: the sites are recorded once and handed out once.
 *
 * @author secrets-starter team
 */
final class SecretValuePrefetcher implements BeanFactoryPostProcessor, Ordered {

	private final AtomicReference<List<Candidate>> candidates = new AtomicReference<>(List.of());

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		List<Candidate> found = new ArrayList<>();
		for (String beanName : beanFactory.getBeanDefinitionNames()) {
			Candidate candidate = candidate(beanFactory, beanName);
			if (candidate != null) {
				found.add(candidate);
			}
		}
		this.candidates.set(List.copyOf(found));
	}

	@Override
	public int getOrder() {
		// After the ordered post-processors that may still change definitions.
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The keys of every site recorded, placeholders resolved. The sites are handed out once;
	 * later calls return nothing.
	 * @param beanPostProcessor the post-processor, for the fields and setters of a type
	 * @param injector the injector, for the parameters of a constructor or method
	 * @return the keys, possibly empty
	 */
	Collection<SecretKey> keys(SecretValueBeanPostProcessor beanPostProcessor, SecretValueInjector injector) {
		Set<SecretKey> keys = new LinkedHashSet<>();
		for (Candidate candidate : this.candidates.getAndSet(List.of())) {
			keys.addAll(beanPostProcessor.memberKeys(candidate.beanName(), candidate.type()));
			for (Executable executable : candidate.executables()) {
				keys.addAll(injector.parameterKeys(candidate.beanName(), executable));
			}
		}
		return keys;
	}

	private static @Nullable Candidate candidate(ConfigurableListableBeanFactory beanFactory, String beanName) {
		try {
			BeanDefinition definition = beanFactory.getMergedBeanDefinition(beanName);
			if (definition.isAbstract() || definition.isLazyInit()) {
				return null;
			}
			// Predicted from the definition; false: no FactoryBean is created to ask it.
			Class<?> predicted = beanFactory.getType(beanName, false);
			if (predicted == null) {
				return null;
			}
			Class<?> type = ClassUtils.getUserClass(predicted);
			List<Executable> executables = new ArrayList<>();
			if (definition.getFactoryMethodName() != null) {
				if (definition instanceof RootBeanDefinition root) {
					executables.addAll(factoryMethods(beanFactory, root));
				}
			}
			else {
				executables.addAll(Arrays.asList(type.getDeclaredConstructors()));
			}
			// @Autowired methods get their @SecretValue parameters through the candidate resolver.
			if (SecretValueBeanPostProcessor.mayDeclareSecretValue(type)) {
				ReflectionUtils.doWithMethods(type, executables::add,
						(method) -> !Modifier.isStatic(method.getModifiers())
								&& MergedAnnotations.from(method).isPresent(Autowired.class));
			}
			executables.removeIf((executable) -> !hasSecretValueParameter(executable));
			return new Candidate(beanName, type, List.copyOf(executables));
		}
		catch (RuntimeException | ClassNotFoundException | LinkageError ex) {
			// Not predictable without more: the bean loads its own secrets when it is created.
			return null;
		}
	}

	/**
	 * The factory method of a definition: the one the factory resolved while predicting the type
	 * when it is unique, otherwise every method of that name (overloads cost at most a few
	 * secrets loaded early).
	 */
	private static List<? extends Executable> factoryMethods(ConfigurableListableBeanFactory beanFactory,
			RootBeanDefinition definition) throws ClassNotFoundException {
		Method resolved = definition.getResolvedFactoryMethod();
		if (resolved != null) {
			return List.of(resolved);
		}
		String factoryBeanName = definition.getFactoryBeanName();
		Class<?> factoryClass = (factoryBeanName != null) ? beanFactory.getType(factoryBeanName, false)
				: definition.resolveBeanClass(beanFactory.getBeanClassLoader());
		if (factoryClass == null) {
			return List.of();
		}
		boolean isStatic = factoryBeanName == null;
		return Arrays
			.stream(ReflectionUtils.getUniqueDeclaredMethods(ClassUtils.getUserClass(factoryClass),
					(method) -> method.getName().equals(definition.getFactoryMethodName())
							&& Modifier.isStatic(method.getModifiers()) == isStatic))
			.toList();
	}

	private static boolean hasSecretValueParameter(Executable executable) {
		for (int i = 0; i < executable.getParameterCount(); i++) {
			if (SecretValueInjector.parameterAnnotation(MethodParameter.forExecutable(executable, i)).isPresent()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A bean definition that may have {@code @SecretValue} sites.
	 * @param beanName the bean
	 * @param type the predicted type, for its fields and setters
	 * @param executables its constructors or factory methods with a {@code @SecretValue} parameter
	 */
	private record Candidate(String beanName, Class<?> type, List<Executable> executables) {
	}

}
