package dev.secretsstarter.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * A seed file named by a Spring resource location, as the file the server reads: the file itself,
 * or a temporary copy of a seed inside a jar, deleted by {@link #release()}. Resolved for each
 * {@link LocalSecrets#reset()}, so that the reset hands the server every file at once.
 *
 * @param location the location as the test named it
 * @param file the file to seed
 * @param copy whether the file is a temporary copy
 */
record SeedResource(String location, Path file, boolean copy) {

	static SeedResource resolve(String location) {
		Resource resource = new DefaultResourceLoader().getResource(location.trim());
		if (!resource.exists()) {
			throw failure(location, "'" + location + "' does not exist", "Name an existing YAML or JSON seed file "
					+ "(format in docs/local-server.md), for example \"classpath:local-secrets.yml\".", null);
		}
		try {
			if (resource.isFile()) {
				return new SeedResource(location, resource.getFile().toPath(), false);
			}
			// A seed inside a jar: the server reads files, so hand it a copy with the same kind of name.
			String name = String.valueOf(resource.getFilename()).toLowerCase(Locale.ROOT);
			Path copy = Files.createTempFile("secrets-local-seed", name.endsWith(".json") ? ".json" : ".yml");
			try (InputStream in = resource.getInputStream()) {
				Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			}
			return new SeedResource(location, copy, true);
		}
		catch (IOException ex) {
			throw failure(location, "'" + location + "' could not be read (" + ex.getMessage() + ")",
					"Name a readable YAML or JSON seed file.", ex);
		}
	}

	// The seed files come from LocalSecretsManagerExtension.withSeed or from secrets.local.seed, which
	// local mode already seeded at start-up (and would have reported); so the message names the former.
	static IllegalStateException failure(String location, String problem, String fix, @Nullable Throwable cause) {
		return new IllegalStateException("LocalSecretsManagerExtension.withSeed(\"" + location
				+ "\") could not seed the server: " + problem + (problem.endsWith(".") ? " " : ". ") + fix, cause);
	}

	/**
	 * The failure for a reset the server refused: names the location of the file its message names
	 * (the message names the file and the entry, never a value).
	 */
	static IllegalStateException rejected(List<SeedResource> files, List<String> locations,
			IllegalArgumentException ex) {
		String message = String.valueOf(ex.getMessage());
		for (SeedResource file : files) {
			if (message.contains(file.file().toString())) {
				String problem = file.copy() ? message.replace(file.file().toString(), file.location()) : message;
				return failure(file.location(), "'" + file.location() + "' was rejected: " + problem,
						"Fix the seed file (format in docs/local-server.md).", ex);
			}
		}
		String all = String.join("\", \"", locations);
		return failure(all, "'" + all + "' was rejected: " + message, "Fix the seed file (format in docs/local-server.md).",
				ex);
	}

	void release() {
		if (this.copy) {
			try {
				Files.deleteIfExists(this.file);
			}
			catch (IOException ex) {
				this.file.toFile().deleteOnExit();
			}
		}
	}

}
