package dev.secretsstarter.autoconfigure.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import dev.secretsstarter.autoconfigure.InvalidSecretsConfigurationException;
import dev.secretsstarter.local.LocalSecretsManager;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Seeds an embedded server from seed files named by Spring resource locations (the format is in
 * {@code docs/local-server.md}), also from inside jars. Used at start-up by local mode and by
 * test support to re-seed after a reset. Stateless and thread-safe; requires secrets-local.
 *
 * @author secrets-starter team
 */
public final class LocalSecretsSeeds {

	private LocalSecretsSeeds() {
	}

	/**
	 * Creates the secrets of a seed file; existing secrets get the seeded value as a new current
	 * version when it differs.
	 * @param server the server to seed
	 * @param resourceLoader resolves the location
	 * @param location a Spring resource location such as {@code classpath:local-secrets.yml}
	 * @throws InvalidSecretsConfigurationException naming {@code secrets.local.seed} when the file
	 * is missing or invalid
	 */
	public static void seed(LocalSecretsManager server, ResourceLoader resourceLoader, String location) {
		Resource resource = resourceLoader.getResource(location.trim());
		String fix = "Point secrets.local.seed at an existing YAML or JSON seed file (format in "
				+ "docs/local-server.md), or remove it.";
		if (!resource.exists()) {
			throw new InvalidSecretsConfigurationException("secrets.local.seed", "'" + location + "' does not exist",
					fix);
		}
		@Nullable Path copy = null;
		try {
			Path file;
			if (resource.isFile()) {
				file = resource.getFile().toPath();
			}
			else {
				// A seed inside a jar: the server reads files, so hand it a temporary copy.
				String name = String.valueOf(resource.getFilename()).toLowerCase(Locale.ROOT);
				copy = Files.createTempFile("secrets-local-seed", name.endsWith(".json") ? ".json" : ".yml");
				try (InputStream in = resource.getInputStream()) {
					Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
				}
				file = copy;
			}
			server.seed(file);
		}
		catch (IOException ex) {
			throw new InvalidSecretsConfigurationException("secrets.local.seed",
					"'" + location + "' could not be read (" + ex.getMessage() + ")", fix);
		}
		catch (IllegalArgumentException | UncheckedIOException ex) {
			// The server's messages name the file and the entry, never a value.
			throw new InvalidSecretsConfigurationException("secrets.local.seed",
					"'" + location + "' was rejected: " + ex.getMessage(), fix);
		}
		finally {
			if (copy != null) {
				try {
					Files.deleteIfExists(copy);
				}
				catch (IOException ex) {
					copy.toFile().deleteOnExit();
				}
			}
		}
	}

}
