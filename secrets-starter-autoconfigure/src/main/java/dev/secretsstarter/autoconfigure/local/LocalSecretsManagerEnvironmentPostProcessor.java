package dev.secretsstarter.autoconfigure.local;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.secretsstarter.autoconfigure.SecretsManagerConnectionDetails;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * After config data is processed (so {@code application.yml} and profiles are seen), starts the
 * embedded server when {@code secrets.local.enabled} is true — or reuses the one an
 * {@code aws-secretsmanager:} import already started — and points the application's client at
 * it with a highest-precedence property source {@value #PROPERTY_SOURCE_NAME}: endpoint, region
 * and the dummy credentials. Logs a warning naming the endpoint, once per server.
 * <p>
 * Registered in {@code META-INF/spring.factories}; stateless.
 *
 * @author secrets-starter team
 */
public class LocalSecretsManagerEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * Runs just after config data.
	 */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

	/**
	 * Name of the property source that points the client at the embedded server.
	 */
	public static final String PROPERTY_SOURCE_NAME = "secretsLocal";

	private final Log logger;

	private final ConfigurableBootstrapContext bootstrapContext;

	/**
	 * Create a post-processor; Boot instantiates it.
	 * @param logFactory the deferred log factory
	 * @param bootstrapContext the application's bootstrap context
	 */
	public LocalSecretsManagerEnvironmentPostProcessor(DeferredLogFactory logFactory,
			ConfigurableBootstrapContext bootstrapContext) {
		this.logger = logFactory.getLog(LocalSecretsManagerEnvironmentPostProcessor.class);
		this.bootstrapContext = bootstrapContext;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// A re-run (a context refresh) must see the user's settings, not ours.
		environment.getPropertySources().remove(PROPERTY_SOURCE_NAME);
		Binder binder = Binder.get(environment);
		if (!ClassUtils.isPresent(LocalSecretsManagerBootstrap.SERVER_CLASS, getClass().getClassLoader())) {
			// Fails with the fix when local mode is on without the jar; nothing to do otherwise.
			LocalSecretsManagerBootstrap.isEnabled(binder);
			return;
		}
		boolean startedByImport = this.bootstrapContext.isRegistered(LocalSecretsManagerLauncher.class)
				&& this.bootstrapContext.get(LocalSecretsManagerLauncher.class).server() != null;
		if (!startedByImport && !LocalSecretsManagerBootstrap.isEnabled(binder)) {
			return;
		}
		LocalSecretsManagerLauncher launcher = LocalSecretsManagerBootstrap.launcher(this.bootstrapContext,
				LocalSecretsManagerLauncher.forApplication(application));
		SecretsManagerConnectionDetails details = launcher.connectionDetails(binder);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("secrets.endpoint", String.valueOf(details.getEndpoint()));
		properties.put("secrets.region", String.valueOf(details.getRegion()));
		properties.put("secrets.credentials.access-key", LocalSecretsManagerLauncher.ACCESS_KEY);
		properties.put("secrets.credentials.secret-key", LocalSecretsManagerLauncher.SECRET_KEY);
		// Blank, so real credentials configured for AWS are neither sent nor reported as conflicting.
		properties.put("secrets.credentials.session-token", "");
		properties.put("secrets.credentials.profile", "");
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		launcher.announce(this.logger);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
