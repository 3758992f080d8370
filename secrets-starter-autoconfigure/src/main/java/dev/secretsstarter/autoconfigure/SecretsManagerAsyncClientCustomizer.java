package dev.secretsstarter.autoconfigure;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerAsyncClientBuilder;

/**
 * Callback to customize the builder of the auto-configured {@code SecretsManagerAsyncClient}
 * after properties are applied. Beans of this type are applied in {@code @Order} order.
 * <p>
 * Implementations are called once per client, on the thread that creates it.
 *
 * @author secrets-starter team
 */
@FunctionalInterface
public interface SecretsManagerAsyncClientCustomizer {

	/**
	 * Customize the client builder.
	 * @param builder the builder, already configured from properties
	 */
	void customize(SecretsManagerAsyncClientBuilder builder);

}
