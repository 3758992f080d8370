package dev.secretsstarter.jdbc;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import dev.secretsstarter.autoconfigure.InvalidSecretsConfigurationException;
import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretUsages;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Gives every HikariCP {@code DataSource} bean the credentials of the secret named by
 * {@code secrets.datasource.secret-id}, once the bean is configured and before its pool starts:
 * the pool logs in through a {@link SecretCredentialsDataSource} (current credentials, recovery
 * on refusal) and a {@link HikariCredentialsRotation} follows rotations. The secret is recorded
 * as used, so rotation detection tracks it. Fails start-up when no HikariCP DataSource exists,
 * rather than ignoring the property.
 */
final class HikariSecretCredentialsPostProcessor
		implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton, Ordered {

	private static final Log logger = LogFactory.getLog(HikariSecretCredentialsPostProcessor.class);

	private final SecretsDataSourceProperties properties;

	private @Nullable BeanFactory beanFactory;

	private final List<String> installed = new ArrayList<>();

	private final List<SecretDatabaseCredentials> credentials = new CopyOnWriteArrayList<>();

	HikariSecretCredentialsPostProcessor(SecretsDataSourceProperties properties) {
		this.properties = properties;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = beanFactory;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari && !this.installed.contains(beanName)) {
			install(hikari, beanName);
		}
		return bean;
	}

	private void install(HikariDataSource hikari, String beanName) {
		BeanFactory factory = this.beanFactory;
		String secretId = this.properties.getSecretId();
		Assert.state(factory != null && secretId != null, "Not configured");
		SecretKey key = SecretKey.current(secretId);
		SecretCache cache = factory.getBean(SecretCache.class);
		factory.getBeanProvider(SecretUsages.class).ifAvailable((usages) -> usages.record(key, "DataSource " + beanName));
		Clock clock = factory.getBeanProvider(Clock.class).getIfUnique(Clock::systemUTC);
		SecretDatabaseCredentials credentials = new SecretDatabaseCredentials(beanName, cache,
				factory.getBean(SecretsManagerClient.class), key, this.properties, hikari.getUsername(), clock);
		DatabaseCredentials initial = credentials.current();
		if (hikari.isRunning()) {
			hikari.getHikariConfigMXBean()
				.setCredentials(com.zaxxer.hikari.util.Credentials.of(initial.username(), initial.password()));
			logger.warn("DataSource '" + beanName + "' was started before secrets.datasource.secret-id could apply: "
					+ "it follows rotations of secret '" + secretId + "', but a login the database refuses is not "
					+ "retried with refreshed credentials. Let the pool start on first use.");
		}
		else {
			hikari.setUsername(initial.username());
			hikari.setPassword(initial.password());
			if (hikari.getDataSource() == null && hikari.getDataSourceClassName() == null && hikari.getJdbcUrl() != null) {
				DriverDataSource driver = new DriverDataSource(hikari.getJdbcUrl(), hikari.getDriverClassName(),
						hikari.getDataSourceProperties(), initial.username(), initial.password());
				hikari.setDataSource(new SecretCredentialsDataSource(driver, credentials));
			}
			else {
				logger.warn("DataSource '" + beanName + "' is configured with a data source class or instance rather "
						+ "than a JDBC URL: it follows rotations of secret '" + secretId + "', but a login the "
						+ "database refuses is not retried with refreshed credentials.");
			}
		}
		cache.addListener(new HikariCredentialsRotation(beanName, hikari, credentials));
		this.credentials.add(credentials);
		this.installed.add(beanName);
	}

	/**
	 * The credentials of every pool this post-processor installed.
	 * @return the credentials, one per pool
	 */
	List<SecretDatabaseCredentials> credentials() {
		return this.credentials;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.installed.isEmpty()) {
			throw new InvalidSecretsConfigurationException("secrets.datasource.secret-id",
					"no HikariCP DataSource bean exists to take the credentials of secret '"
							+ this.properties.getSecretId() + "'",
					"Configure a HikariCP DataSource (spring.datasource.url with HikariCP on the class path), "
							+ "or remove secrets.datasource.secret-id");
		}
	}

}
