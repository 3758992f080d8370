package dev.secretsstarter.inject;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AutowireCandidateResolver;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.core.Ordered;

/**
 * Installs {@link SecretValueAutowireCandidateResolver} in place of the context's standard
 * resolver, which it extends, so that {@code @SecretValue} works on constructor and {@code @Bean}
 * method parameters. A custom resolver installed by the application is left in place (with a
 * warning), since replacing it would lose its behaviour.
 *
 * @author secrets-starter team
 */
final class SecretValueResolverRegistrar implements BeanFactoryPostProcessor, Ordered {

	private static final Log logger = LogFactory.getLog(SecretValueResolverRegistrar.class);

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (!(beanFactory instanceof DefaultListableBeanFactory listable)) {
			return;
		}
		AutowireCandidateResolver current = listable.getAutowireCandidateResolver();
		if (current instanceof SecretValueAutowireCandidateResolver) {
			return;
		}
		if (current.getClass() == ContextAnnotationAutowireCandidateResolver.class) {
			listable.setAutowireCandidateResolver(new SecretValueAutowireCandidateResolver());
		}
		else {
			logger.warn("@SecretValue on constructor and @Bean method parameters is not available: the bean "
					+ "factory uses a custom autowire candidate resolver (" + current.getClass().getName()
					+ "). Use @SecretValue on fields or setters.");
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
