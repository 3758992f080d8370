package dev.secretsstarter.autoconfigure.local;

import dev.secretsstarter.autoconfigure.InvalidSecretsConfigurationException;
import dev.secretsstarter.autoconfigure.SecretsManagerConnectionDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Entry point of local mode for code that runs before beans exist: the config-data phase asks it
 * for connection details, and it starts the embedded server on the first such request when
 * {@code secrets.local.enabled} is true. The server lives in the bootstrap context and becomes
 * the bean {@value #BEAN_NAME} when the bootstrap context closes; closing the application
 * context stops it.
 * <p>
 * Thread-safe. See {@code docs/architecture.md}, "Local mode".
 *
 * @author secrets-starter team
 */
public final class LocalSecretsManagerBootstrap {

	/**
	 * Name of the {@code LocalSecretsManager} bean.
	 */
	public static final String BEAN_NAME = "localSecretsManager";

	static final String SERVER_CLASS = "dev.secretsstarter.local.LocalSecretsManager";

	private LocalSecretsManagerBootstrap() {
	}

	/**
	 * Connection details of the embedded server when local mode is on, starting it if needed.
	 * @param bootstrap the bootstrap context that holds the server
	 * @param binder binds {@code secrets.local.*} and {@code secrets.region}
	 * @return the server's connection details, or {@code null} when local mode is off
	 * @throws InvalidSecretsConfigurationException when local mode is on but cannot work
	 */
	public static @Nullable SecretsManagerConnectionDetails connectionDetails(ConfigurableBootstrapContext bootstrap,
			Binder binder) {
		if (!isEnabled(binder)) {
			return null;
		}
		// Only reached with secrets-local present: the launcher is the one class that touches it.
		return launcher(bootstrap, null).connectionDetails(binder);
	}

	/**
	 * Whether local mode is on, checking what it needs.
	 * @throws InvalidSecretsConfigurationException when on but secrets-local is missing or an
	 * endpoint is configured too
	 */
	static boolean isEnabled(Binder binder) {
		if (!binder.bind("secrets.local.enabled", Boolean.class).orElse(false)) {
			return false;
		}
		if (!ClassUtils.isPresent(SERVER_CLASS, LocalSecretsManagerBootstrap.class.getClassLoader())) {
			throw new InvalidSecretsConfigurationException("secrets.local.enabled",
					"local mode is on but the secrets-local jar is not on the class path",
					"Add the dependency dev.secretsstarter:secrets-local (development or test scope), "
							+ "or set secrets.local.enabled=false to use AWS.");
		}
		if (StringUtils.hasText(binder.bind("secrets.endpoint", String.class).orElse(""))) {
			throw new InvalidSecretsConfigurationException("secrets.endpoint",
					"it is set while secrets.local.enabled=true, so it is unclear which server the application "
							+ "should use",
					"Remove secrets.endpoint (or set it empty) where local mode is on, or set "
							+ "secrets.local.enabled=false to use that endpoint.");
		}
		return true;
	}

	/**
	 * The launcher of this bootstrap context, registering it (and the bean promotion on close)
	 * on first use.
	 * @param preferred the launcher to register if none is, or {@code null} for a new one
	 */
	static LocalSecretsManagerLauncher launcher(ConfigurableBootstrapContext bootstrap,
			@Nullable LocalSecretsManagerLauncher preferred) {
		synchronized (bootstrap) {
			if (!bootstrap.isRegistered(LocalSecretsManagerLauncher.class)) {
				LocalSecretsManagerLauncher launcher = (preferred != null) ? preferred
						: new LocalSecretsManagerLauncher();
				bootstrap.register(LocalSecretsManagerLauncher.class, InstanceSupplier.of(launcher));
				bootstrap.addCloseListener((event) -> launcher.promote(event.getApplicationContext().getBeanFactory()));
			}
			return bootstrap.get(LocalSecretsManagerLauncher.class);
		}
	}

}
