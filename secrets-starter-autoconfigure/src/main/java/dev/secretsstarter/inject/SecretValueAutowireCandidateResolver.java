package dev.secretsstarter.inject;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinitionHolder;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.Assert;

import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.inject.SecretInjectionSite.Kind;

/**
 * Resolves {@link SecretValue @SecretValue} constructor and {@code @Bean} method parameters (and
 * parameters of other autowired methods), on top of the standard {@code @Value}, {@code @Lazy}
 * and qualifier support it inherits.
 * <p>
 * The value is supplied through {@link #getLazyResolutionProxyIfNecessary}, which the bean factory
 * consults before anything else and whose result it injects as is. A {@code @Value}-style
 * "suggested value" would not do: the factory resolves placeholders in, and evaluates SpEL
 * expressions of, any suggested {@code String}, so a secret containing {@code ${…}} or
 * {@code #{…}} would be altered or, worse, executed. An optional secret that is absent yields no
 * value here; {@link #isAutowireCandidate} then excludes every bean, so the factory injects
 * {@code null} into the {@code @Nullable} parameter instead of some bean of the same type.
 * <p>
 * Thread-safe.
 *
 * @author secrets-starter team
 */
class SecretValueAutowireCandidateResolver extends ContextAnnotationAutowireCandidateResolver {

	private volatile @Nullable SecretValueInjector injector;

	@Override
	public @Nullable Object getLazyResolutionProxyIfNecessary(DependencyDescriptor descriptor,
			@Nullable String beanName) {
		MergedAnnotation<SecretValue> annotation = annotation(descriptor);
		if (!annotation.isPresent()) {
			return super.getLazyResolutionProxyIfNecessary(descriptor, beanName);
		}
		MethodParameter parameter = descriptor.getMethodParameter();
		Assert.state(parameter != null, "@SecretValue fields are injected by SecretValueBeanPostProcessor");
		SecretValueInjector injector = injector();
		String name = (parameter.getParameterName() != null) ? parameter.getParameterName()
				: "arg" + parameter.getParameterIndex();
		boolean constructor = parameter.getExecutable() instanceof Constructor;
		String member = (constructor ? "<init>" : parameter.getExecutable().getName()) + "(" + name + ")";
		String owner = (beanName != null) ? beanName : parameter.getDeclaringClass().getName();
		SecretInjectionSite site = injector.site(owner, member,
				constructor ? Kind.CONSTRUCTOR_PARAMETER : Kind.METHOD_PARAMETER, annotation,
				descriptor.getResolvableType());
		Object value = injector.resolve(site, load(injector, owner, parameter, site));
		if (value == SecretValueInjector.ABSENT || value == null) {
			if (descriptor.isRequired()) {
				throw SecretValueInjector.invalid(site.description(), site.key(),
						"the secret or key is absent and the parameter cannot take null",
						"Declare the parameter @Nullable, inject a SecretHandle, or set required = true.");
			}
			return null;
		}
		return value;
	}

	/**
	 * Load the secret of a parameter. For the first {@code @SecretValue} parameter of a constructor
	 * or method, the secrets of all its {@code @SecretValue} parameters (and, for a constructor,
	 * of the class's {@code @SecretValue} fields and setters) are loaded together in one call to
	 * the cache, which batches them; the later parameters and members then find their secrets
	 * cached. Keys whose declaration is invalid are left out here and reported when their own
	 * site is resolved.
	 */
	private Object load(SecretValueInjector injector, String owner, MethodParameter parameter,
			SecretInjectionSite site) {
		Executable executable = parameter.getExecutable();
		for (int i = 0; i < parameter.getParameterIndex(); i++) {
			if (SecretValueInjector.parameterAnnotation(MethodParameter.forExecutable(executable, i)).isPresent()) {
				// Not the first one: loaded (or reported as failed) with the first.
				return injector.load(site.key());
			}
		}
		Set<SecretKey> keys = new LinkedHashSet<>();
		keys.add(site.key());
		keys.addAll(injector.parameterKeys(owner, executable));
		if (executable instanceof Constructor<?> constructor) {
			keys.addAll(beanPostProcessor().memberKeys(owner, constructor.getDeclaringClass()));
		}
		Object outcome = injector.load(keys).get(site.key());
		return (outcome != null) ? outcome : injector.load(site.key());
	}

	@Override
	public @Nullable Object getSuggestedValue(DependencyDescriptor descriptor) {
		MergedAnnotation<SecretValue> annotation = annotation(descriptor);
		if (annotation.isPresent()) {
			MethodParameter parameter = descriptor.getMethodParameter();
			if (parameter != null && parameter.getParameterType() == Optional.class) {
				// Optional parameters bypass getLazyResolutionProxyIfNecessary, and a suggested
				// String would go through placeholder resolution and SpEL.
				throw SecretValueInjector.invalid(parameter.getDeclaringClass().getName() + "."
						+ parameter.getExecutable().getName(), null,
						"@SecretValue does not support Optional parameters",
						"Declare the parameter @Nullable with required = false, or inject a SecretHandle.");
			}
			return null;
		}
		return super.getSuggestedValue(descriptor);
	}

	@Override
	public boolean isAutowireCandidate(BeanDefinitionHolder bdHolder, DependencyDescriptor descriptor) {
		return !annotation(descriptor).isPresent() && super.isAutowireCandidate(bdHolder, descriptor);
	}

	private static MergedAnnotation<SecretValue> annotation(DependencyDescriptor descriptor) {
		if (descriptor.getMethodParameter() == null) {
			return MergedAnnotation.missing();
		}
		return MergedAnnotations.from(descriptor.getAnnotations()).get(SecretValue.class);
	}

	private SecretValueInjector injector() {
		SecretValueInjector current = this.injector;
		if (current == null) {
			current = beanPostProcessor().injector();
			this.injector = current;
		}
		return current;
	}

	private SecretValueBeanPostProcessor beanPostProcessor() {
		BeanFactory beanFactory = getBeanFactory();
		Assert.state(beanFactory != null, "BeanFactory not set");
		return beanFactory.getBean(SecretValueBeanPostProcessor.class);
	}

}
