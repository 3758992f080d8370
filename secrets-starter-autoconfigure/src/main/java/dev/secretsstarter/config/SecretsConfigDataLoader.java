package dev.secretsstarter.config;

import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;
import org.springframework.boot.context.config.ConfigDataResourceNotFoundException;

/**
 * Loads {@code aws-secretsmanager:} resources (one per location): the first load of a round loads
 * every entry resolved in that round with as few calls as the service allows; then each resource
 * becomes one {@link SecretsPropertySource}. Throws {@link ConfigDataResourceNotFoundException}
 * only for a missing secret (Boot applies {@code optional:}; in an optional location the other
 * entries still load); authentication, throttling, network and value errors
 * fail start-up with a {@link SecretsImportException} listing every failing secret.
 * <p>
 * Idempotent and cheap on a re-run with the same bootstrap context (Spring Cloud's context
 * refresh re-runs loaders): cached secrets cost no API call. Stateless; the state lives in the
 * bootstrap context.
 *
 * @author secrets-starter team
 */
public class SecretsConfigDataLoader implements ConfigDataLoader<SecretsConfigDataResource> {

	@Override
	public ConfigData load(ConfigDataLoaderContext context, SecretsConfigDataResource resource) {
		if (resource.isDisabled()) {
			return ConfigData.EMPTY;
		}
		return context.getBootstrapContext().get(SecretsImports.class).load(resource);
	}

}
