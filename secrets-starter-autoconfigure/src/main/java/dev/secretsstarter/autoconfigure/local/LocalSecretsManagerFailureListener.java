package dev.secretsstarter.autoconfigure.local;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.ClassUtils;

/**
 * Stops the embedded server when the application fails to start before its context could take
 * ownership of it (for example when a config import fails), so no server outlives a failed
 * start. Registered in {@code META-INF/spring.factories}; stateless.
 *
 * @author secrets-starter team
 */
public class LocalSecretsManagerFailureListener implements ApplicationListener<ApplicationFailedEvent> {

	@Override
	public void onApplicationEvent(ApplicationFailedEvent event) {
		if (ClassUtils.isPresent(LocalSecretsManagerBootstrap.SERVER_CLASS, getClass().getClassLoader())) {
			LocalSecretsManagerLauncher.closeFor(event.getSpringApplication());
		}
	}

}
