package dev.secretsstarter.autoconfigure.local;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import dev.secretsstarter.autoconfigure.InvalidSecretsConfigurationException;
import dev.secretsstarter.autoconfigure.SecretsManagerConnectionDetails;
import dev.secretsstarter.local.LocalSecretsManager;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Starts at most one embedded server per application and stops it when the application closes
 * or fails to start. Loaded only when {@code secrets-local} is on the class path.
 * <p>
 * One launcher per {@link SpringApplication}: the config-data phase, the environment
 * post-processor and a Spring Cloud context refresh (which re-runs config data with a new
 * bootstrap context but the same application) all reach the same server. Thread-safe.
 */
final class LocalSecretsManagerLauncher {

	static final String ACCESS_KEY = "test";

	static final String SECRET_KEY = "test";

	static final String DEFAULT_REGION = "us-east-1";

	// Weak keys: a launcher never outlives its application; close() removes it earlier.
	private static final Map<SpringApplication, LocalSecretsManagerLauncher> byApplication = Collections
		.synchronizedMap(new WeakHashMap<>());

	private final ResourceLoader resourceLoader = new DefaultResourceLoader();

	private @Nullable LocalSecretsManager server;

	private boolean announced;

	static LocalSecretsManagerLauncher forApplication(SpringApplication application) {
		return byApplication.computeIfAbsent(application, (key) -> new LocalSecretsManagerLauncher());
	}

	static void closeFor(SpringApplication application) {
		LocalSecretsManagerLauncher launcher = byApplication.get(application);
		if (launcher != null) {
			launcher.close();
		}
	}

	/**
	 * The running server, started from the {@code secrets.local.*} settings the binder sees on
	 * the first call.
	 */
	synchronized LocalSecretsManager start(Binder binder) {
		if (this.server != null) {
			return this.server;
		}
		LocalSecretsManagerProperties properties = binder.bind("secrets.local", LocalSecretsManagerProperties.class)
			.orElseGet(LocalSecretsManagerProperties::new);
		String region = binder.bind("secrets.region", String.class).orElse("").trim();
		if (region.isEmpty()) {
			region = DEFAULT_REGION;
		}
		validate(properties);
		LocalSecretsManager.Builder builder = LocalSecretsManager.builder()
			.host("127.0.0.1")
			.port(properties.getPort())
			.region(region)
			.credentials(ACCESS_KEY, SECRET_KEY);
		Path dataFile = properties.getDataFile();
		if (dataFile != null) {
			builder.dataFile(dataFile);
		}
		if (properties.getRotationCheckInterval() != null) {
			builder.rotationCheckInterval(properties.getRotationCheckInterval());
		}
		LocalSecretsManager created = build(builder, dataFile);
		try {
			properties.getSeed().stream().filter(StringUtils::hasText).forEach((location) -> LocalSecretsSeeds.seed(created, this.resourceLoader, location));
			created.start();
		}
		catch (UncheckedIOException ex) {
			created.close();
			throw new InvalidSecretsConfigurationException("secrets.local.port",
					"the embedded server could not listen on 127.0.0.1:" + properties.getPort() + " ("
							+ ex.getCause().getMessage() + ")",
					"Choose a free port, or 0 to let the server pick one.");
		}
		catch (RuntimeException ex) {
			created.close();
			throw ex;
		}
		this.server = created;
		return created;
	}

	// The server's own checks would fail with messages that do not name the property to fix.
	private static void validate(LocalSecretsManagerProperties properties) {
		int port = properties.getPort();
		if (port < 0 || port > 65535) {
			throw new InvalidSecretsConfigurationException("secrets.local.port",
					port + " is not a port number (0 to 65535)", "Choose a free port, or 0 to let the server pick one.");
		}
		Duration interval = properties.getRotationCheckInterval();
		if (interval != null && (interval.isZero() || interval.isNegative())) {
			throw new InvalidSecretsConfigurationException("secrets.local.rotation-check-interval",
					interval + " is not a positive duration",
					"Set a positive duration such as 1m, or remove it so that rotations run only when RotateSecret "
							+ "is called.");
		}
	}

	// Building loads the data file, if any; nothing else in it can fail.
	private static LocalSecretsManager build(LocalSecretsManager.Builder builder, @Nullable Path dataFile) {
		try {
			return builder.build();
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			if (dataFile == null) {
				throw ex;
			}
			// The server's messages name the data or key file and the cause, never a secret value.
			String cause = (ex.getCause() != null) ? " (" + ex.getCause().getMessage() + ")" : "";
			InvalidSecretsConfigurationException invalid = new InvalidSecretsConfigurationException(
					"secrets.local.data-file", "'" + dataFile + "' could not be loaded: " + ex.getMessage() + cause,
					"Point it at a data file an earlier run wrote (its key file '" + dataFile.getFileName()
							+ ".key' beside it), at a file that does not exist yet, or remove it to keep secrets "
							+ "in memory only.");
			invalid.initCause(ex);
			throw invalid;
		}
	}

	/** Connection details of the running server, starting it if needed (see {@link #start}). */
	SecretsManagerConnectionDetails connectionDetails(Binder binder) {
		LocalSecretsManager running = start(binder);
		return new LocalConnectionDetails(running.endpoint(), Region.of(running.region()));
	}

	/** Registers the running server, if any, as a bean that stops it when the context closes. */
	synchronized void promote(ConfigurableListableBeanFactory beanFactory) {
		LocalSecretsManager running = this.server;
		if (running == null || beanFactory.containsBean(LocalSecretsManagerBootstrap.BEAN_NAME)) {
			return;
		}
		beanFactory.registerSingleton(LocalSecretsManagerBootstrap.BEAN_NAME, running);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			// Registered before any other bean, so destroyed after the client and cache that use it.
			registry.registerDisposableBean(LocalSecretsManagerBootstrap.BEAN_NAME, this::close);
		}
	}

	synchronized @Nullable LocalSecretsManager server() {
		return this.server;
	}

	/** Logs, once per server, that it runs, so it can never be on unnoticed. */
	synchronized void announce(Log logger) {
		if (this.server != null && !this.announced) {
			this.announced = true;
			logger.warn("secrets-local embedded server on " + this.server.endpoint()
					+ " \u2014 for development and tests only");
		}
	}

	synchronized void close() {
		LocalSecretsManager running = this.server;
		this.server = null;
		this.announced = false;
		byApplication.values().remove(this);
		if (running != null) {
			running.close();
		}
	}

	/**
	 * Connection details of a running embedded server: its endpoint and region, and the dummy
	 * credentials it verifies signatures with. Immutable.
	 */
	private record LocalConnectionDetails(URI endpoint, Region region) implements SecretsManagerConnectionDetails {

		@Override
		public URI getEndpoint() {
			return this.endpoint;
		}

		@Override
		public Region getRegion() {
			return this.region;
		}

		@Override
		public AwsCredentialsProvider getCredentialsProvider() {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
		}

	}

}
