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
		String fix = "Point secrets.local.seed at an existing YAML or JSON seed file (format in "
				+ "docs/local-server.md), or remove it.";
		try (SeedFile file = SeedFile.resolve(resourceLoader, location)) {
			if (file == null) {
				throw new InvalidSecretsConfigurationException("secrets.local.seed", "'" + location + "' does not exist",
						fix);
			}
			server.seed(file.path());
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
	}

	/**
	 * A seed file named by a Spring resource location, as a file the server can read: the file
	 * itself, or a temporary copy of a seed inside a jar, deleted on {@link #close()}.
	 *
	 * @param path the file to hand the server
	 * @param copy whether it is a temporary copy
	 */
	public record SeedFile(Path path, boolean copy) implements AutoCloseable {

		/**
		 * Resolve a location to a file.
		 * @param resourceLoader resolves the location
		 * @param location a Spring resource location such as {@code classpath:local-secrets.yml}
		 * @return the file, or {@code null} if nothing exists at the location
		 * @throws IOException if it cannot be read or copied
		 */
		public static @Nullable SeedFile resolve(ResourceLoader resourceLoader, String location) throws IOException {
			Resource resource = resourceLoader.getResource(location.trim());
			if (!resource.exists()) {
				return null;
			}
			if (resource.isFile()) {
				return new SeedFile(resource.getFile().toPath(), false);
			}
			// A seed inside a jar: the server reads files, so hand it a copy with the same kind of name.
			String name = String.valueOf(resource.getFilename()).toLowerCase(Locale.ROOT);
			Path copy = Files.createTempFile("secrets-local-seed", name.endsWith(".json") ? ".json" : ".yml");
			try (InputStream in = resource.getInputStream()) {
				Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				Files.deleteIfExists(copy);
				throw ex;
			}
			return new SeedFile(copy, true);
		}

		/**
		 * Delete the temporary copy, if this is one.
		 */
		@Override
		public void close() {
			if (this.copy) {
				try {
					Files.deleteIfExists(this.path);
				}
				catch (IOException ex) {
					this.path.toFile().deleteOnExit();
				}
			}
		}

	}

}
