package dev.secretsstarter.config;

import java.util.List;

import dev.secretsstarter.autoconfigure.InvalidSecretsConfigurationException;
import dev.secretsstarter.autoconfigure.local.LocalSecretsManagerBootstrap;
import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretUsages;
import org.apache.commons.logging.Log;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.config.ConfigDataNotFoundAction;
import org.springframework.boot.logging.DeferredLogFactory;

/**
 * Resolves each {@code aws-secretsmanager:} location into one resource holding all its entries
 * (see {@link SecretImport} for the syntax), and registers in the bootstrap context the state shared
 * by every import: one client, one cache, one {@link SecretUsages}. They become the beans
 * {@code secretsManagerClient}, {@code secretCache} and {@code secretUsages} when the bootstrap
 * context closes, so the auto-configurations back off and the application shares them.
 * <p>
 * A {@code SecretsManagerClient} or one {@code SecretsManagerClientCustomizer} registered in the
 * bootstrap registry beforehand (by a {@code BootstrapRegistryInitializer}, for example test
 * support) is used for the imports; customizer beans cannot apply, as beans do not exist yet.
 * <p>
 * With {@code secrets.enabled=false}, imports resolve to nothing (logged once at INFO), so an
 * application can run with its secrets supplied another way, for example as plain properties.
 *
 * @author secrets-starter team
 */
public class SecretsConfigDataLocationResolver implements ConfigDataLocationResolver<SecretsConfigDataResource> {

	private final Log logger;

	/**
	 * Create a resolver; Boot instantiates it from {@code META-INF/spring.factories}.
	 * @param logFactory the deferred log factory
	 */
	public SecretsConfigDataLocationResolver(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(SecretsConfigDataLocationResolver.class);
	}

	@Override
	public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		return location.hasPrefix(SecretImport.PREFIX);
	}

	@Override
	public List<SecretsConfigDataResource> resolve(ConfigDataLocationResolverContext context,
			ConfigDataLocation location) {
		boolean enabled = context.getBinder().bind("secrets.enabled", Boolean.class).orElse(true);
		ConfigurableBootstrapContext bootstrap = context.getBootstrapContext();
		String value = location.getNonPrefixedValue(SecretImport.PREFIX);
		List<SecretImport> entries = SecretImport.parse(value);
		if (!enabled) {
			if (!bootstrap.isRegistered(DisabledLogged.class)) {
				bootstrap.register(DisabledLogged.class, InstanceSupplier.of(new DisabledLogged()));
				this.logger.info("secrets.enabled is false: ignoring '" + location + "' (and every other "
						+ SecretImport.PREFIX + " import)");
			}
			// Boot rejects a location that resolves to nothing: a resource that loads to nothing.
			return List.of(new SecretsConfigDataResource(value, entries, true, true));
		}
		if (entries.isEmpty()) {
			if (location.isOptional()) {
				return List.of();
			}
			throw new InvalidSecretsConfigurationException("spring.config.import",
					"'" + location + "' names no secret", "List secret names or ARNs separated by ';', for example '"
							+ SecretImport.PREFIX + "db/credentials;api/key'.");
		}
		SecretsImports imports = register(bootstrap, context);
		boolean optional = location.isOptional() || context.getBinder()
			.bind("spring.config.on-not-found", ConfigDataNotFoundAction.class)
			.map((action) -> action == ConfigDataNotFoundAction.IGNORE)
			.orElse(false);
		SecretsConfigDataResource resource = new SecretsConfigDataResource(value, entries, optional);
		imports.add(resource);
		return List.of(resource);
	}

	private static SecretsImports register(ConfigurableBootstrapContext bootstrap,
			ConfigDataLocationResolverContext context) {
		if (!bootstrap.isRegistered(SecretsImports.class)) {
			boolean externalClient = bootstrap.isRegistered(SecretsManagerClient.class);
			// Local-mode hook: starts the embedded server when secrets.local.enabled (see docs/architecture.md).
			SecretsImports imports = new SecretsImports(context.getBinder(), bootstrap, externalClient,
					LocalSecretsManagerBootstrap.connectionDetails(bootstrap, context.getBinder()));
			bootstrap.register(SecretsImports.class, InstanceSupplier.of(imports));
			bootstrap.registerIfAbsent(SecretsManagerClient.class, (registry) -> imports.client());
			bootstrap.registerIfAbsent(SecretCache.class, (registry) -> imports.cache());
			bootstrap.registerIfAbsent(SecretUsages.class, (registry) -> imports.usages());
			bootstrap.addCloseListener(new SecretsBootstrapPromoter(imports));
		}
		return bootstrap.get(SecretsImports.class);
	}

	private static final class DisabledLogged {

	}

}
