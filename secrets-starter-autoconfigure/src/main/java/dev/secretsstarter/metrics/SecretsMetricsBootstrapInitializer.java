package dev.secretsstarter.metrics;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.bootstrap.BootstrapRegistry;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.BootstrapRegistryInitializer;

/**
 * Makes API calls of the config-data phase count: registers one {@link SecretsApiCallRecorder}
 * per application in the bootstrap registry, under its own type and as the
 * {@link ExecutionInterceptor} the config import adds to the client it builds, and registers it as
 * the singleton {@value #BEAN_NAME} when the bootstrap context closes, so the application's
 * clients and meters share it. Listed in {@code META-INF/spring.factories}.
 * <p>
 * Stateless and thread-safe; it touches no Micrometer type, so it is harmless without Micrometer.
 *
 * @author secrets-starter team
 */
public final class SecretsMetricsBootstrapInitializer implements BootstrapRegistryInitializer {

	/** Name of the recorder's singleton bean. */
	public static final String BEAN_NAME = "secretsApiCallRecorder";

	@Override
	public void initialize(BootstrapRegistry registry) {
		SecretsApiCallRecorder recorder = new SecretsApiCallRecorder();
		registry.registerIfAbsent(SecretsApiCallRecorder.class, InstanceSupplier.of(recorder));
		registry.registerIfAbsent(ExecutionInterceptor.class, InstanceSupplier.of(recorder));
		registry.addCloseListener((event) -> {
			ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
			if (!beanFactory.containsBean(BEAN_NAME)) {
				beanFactory.registerSingleton(BEAN_NAME, event.getBootstrapContext().get(SecretsApiCallRecorder.class));
			}
		});
	}

}
