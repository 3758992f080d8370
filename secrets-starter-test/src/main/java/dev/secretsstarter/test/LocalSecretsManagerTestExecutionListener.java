package dev.secretsstarter.test;

import dev.secretsstarter.test.AutoConfigureLocalSecretsManager.Reset;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * For tests annotated with {@link AutoConfigureLocalSecretsManager}: before each test, forgets
 * the rotations an earlier test left in {@link SecretRefreshAwaiter} (the context, and so the
 * awaiter, is cached across tests); after each test, with {@code reset = AFTER_EACH_TEST}, puts
 * the server back to its seeded state. Never loads a context. Registered in
 * {@code META-INF/spring.factories}; stateless.
 *
 * @author secrets-starter team
 */
public class LocalSecretsManagerTestExecutionListener extends AbstractTestExecutionListener {

	/**
	 * Runs after Spring's own listeners have prepared the test.
	 */
	public static final int ORDER = 6000;

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		ConfigurableApplicationContext context = annotatedContext(testContext);
		if (context != null && context.getBeanFactory().containsSingleton("secretRefreshAwaiter")) {
			context.getBean(SecretRefreshAwaiter.class).clear();
		}
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		ConfigurableApplicationContext context = annotatedContext(testContext);
		AutoConfigureLocalSecretsManager annotation = annotation(testContext);
		if (context != null && annotation != null && annotation.reset() == Reset.AFTER_EACH_TEST
				&& context.isActive()) {
			context.getBean(LocalSecrets.class).reset();
		}
	}

	private static @Nullable ConfigurableApplicationContext annotatedContext(TestContext testContext) {
		if (annotation(testContext) == null || !testContext.hasApplicationContext()) {
			return null;
		}
		ApplicationContext context = testContext.getApplicationContext();
		return (context instanceof ConfigurableApplicationContext configurable) ? configurable : null;
	}

	private static @Nullable AutoConfigureLocalSecretsManager annotation(TestContext testContext) {
		return TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(),
				AutoConfigureLocalSecretsManager.class);
	}

}
