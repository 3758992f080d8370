package dev.secretsstarter.test;

import java.io.IOException;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertySourceFactory;

/**
 * Turns the seed file named by {@link AutoConfigureLocalSecretsManager#seed()} into the property
 * {@code secrets.local.seed}, instead of reading it as properties: so the seed reaches local
 * mode as early as inlined test properties do. Stateless.
 *
 * @author secrets-starter team
 */
public class LocalSecretsSeedPropertySourceFactory implements PropertySourceFactory {

	@Override
	public PropertySource<?> createPropertySource(@Nullable String name, EncodedResource resource) throws IOException {
		String location = resource.getResource().getURI().toString();
		return new MapPropertySource("secretsLocalSeed " + location, Map.of("secrets.local.seed", location));
	}

}
