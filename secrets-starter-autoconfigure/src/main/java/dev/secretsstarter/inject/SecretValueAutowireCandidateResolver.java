package dev.secretsstarter.inject;

import java.lang.reflect.Constructor;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinitionHolder;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.Assert;

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
		Object value = injector.resolve(site, injector.load(site.key()));
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
			BeanFactory beanFactory = getBeanFactory();
			Assert.state(beanFactory != null, "BeanFactory not set");
			current = beanFactory.getBean(SecretValueBeanPostProcessor.class).injector();
			this.injector = current;
		}
		return current;
	}

}
