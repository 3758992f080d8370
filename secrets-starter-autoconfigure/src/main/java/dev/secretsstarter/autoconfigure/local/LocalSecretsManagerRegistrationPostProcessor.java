package dev.secretsstarter.autoconfigure.local;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Puts the application's one local-mode launcher in the bootstrap context before config data
 * is processed, so that every bootstrap context of the application (including the new one a
 * Spring Cloud context refresh creates) reaches the same embedded server. Starts nothing: the
 * server starts only when {@code secrets.local.enabled} is true, which config data decides.
 * <p>
 * Registered in {@code META-INF/spring.factories}; stateless.
 *
 * @author secrets-starter team
 */
public class LocalSecretsManagerRegistrationPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * Runs just before config data.
	 */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER - 1;

	private final ConfigurableBootstrapContext bootstrapContext;

	/**
	 * Create a post-processor; Boot instantiates it.
	 * @param bootstrapContext the application's bootstrap context
	 */
	public LocalSecretsManagerRegistrationPostProcessor(ConfigurableBootstrapContext bootstrapContext) {
		this.bootstrapContext = bootstrapContext;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (ClassUtils.isPresent(LocalSecretsManagerBootstrap.SERVER_CLASS, getClass().getClassLoader())) {
			LocalSecretsManagerBootstrap.launcher(this.bootstrapContext,
					LocalSecretsManagerLauncher.forApplication(application));
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
