package dev.secretsstarter.test;

import java.util.List;

import dev.secretsstarter.autoconfigure.local.LocalSecretsManagerBootstrap;
import dev.secretsstarter.local.LocalSecretsManager;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * For tests annotated with {@link AutoConfigureLocalSecretsManager}: checks the annotation, keys the context by its reset mode, and
 * adds two beans, {@link LocalSecrets} (a lazy handle on the server bean) and
 * {@link SecretRefreshAwaiter} (listening to the context from before its refresh). The server itself is started by local mode, before config data;
 * this runs too late for that (after config data), which is why the annotation uses inlined
 * properties. Registered in {@code META-INF/spring.factories}; stateless.
 *
 * @author secrets-starter team
 */
class LocalSecretsManagerContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureLocalSecretsManager annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureLocalSecretsManager.class);
		if (annotation == null) {
			return null;
		}
		if (annotation.seed().length > 1) {
			throw new IllegalStateException("@AutoConfigureLocalSecretsManager on " + testClass.getName()
					+ " names " + annotation.seed().length + " seed files; name one, and put the other secrets in it "
					+ "or write them in the test through LocalSecrets.");
		}
		return new Customizer(annotation.reset());
	}

	/**
	 * Equal for equal reset modes, so a test class that resets gets a context (and a server) of
	 * its own rather than resetting one that other classes share.
	 */
	private record Customizer(AutoConfigureLocalSecretsManager.Reset reset) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			if (!(context instanceof GenericApplicationContext registry)) {
				return;
			}
			registry.registerBean("localSecrets", LocalSecrets.class,
					() -> LocalSecrets.of(
							context.getBean(LocalSecretsManagerBootstrap.BEAN_NAME, LocalSecretsManager.class),
							Binder.get(context.getEnvironment())
								.bind("secrets.local.seed", Bindable.listOf(String.class))
								.orElse(List.of())),
					(definition) -> definition.setLazyInit(true));
			// A singleton from the start, listening before the refresh: it records every rotation
			// event of the context, and the test execution listener can always clear it.
			registry.getBeanFactory()
				.registerSingleton("secretRefreshAwaiter", SecretRefreshAwaiter.forApplication(context));
		}

	}

}
