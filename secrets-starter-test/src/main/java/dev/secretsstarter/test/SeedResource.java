package dev.secretsstarter.test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.secretsstarter.autoconfigure.local.LocalSecretsSeeds.SeedFile;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.DefaultResourceLoader;

/**
 * A seed file named by a Spring resource location, as the file the server reads (see
 * {@link SeedFile}), with the location the test named, for messages. Resolved for each
 * {@link LocalSecrets#reset()}, so that the reset hands the server every file at once.
 *
 * @param location the location as the test named it
 * @param seed the file to seed
 */
record SeedResource(String location, SeedFile seed) {

	static SeedResource resolve(String location) {
		try {
			SeedFile seed = SeedFile.resolve(new DefaultResourceLoader(), location);
			if (seed == null) {
				throw failure(location, "'" + location + "' does not exist", "Name an existing YAML or JSON seed file "
						+ "(format in docs/local-server.md), for example \"classpath:local-secrets.yml\".", null);
			}
			return new SeedResource(location, seed);
		}
		catch (IOException ex) {
			throw failure(location, "'" + location + "' could not be read (" + ex.getMessage() + ")",
					"Name a readable YAML or JSON seed file.", ex);
		}
	}

	Path file() {
		return this.seed.path();
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
				String problem = file.seed().copy() ? message.replace(file.file().toString(), file.location()) : message;
				return failure(file.location(), "'" + file.location() + "' was rejected: " + problem,
						"Fix the seed file (format in docs/local-server.md).", ex);
			}
		}
		String all = String.join("\", \"", locations);
		return failure(all, "'" + all + "' was rejected: " + message, "Fix the seed file (format in docs/local-server.md).",
				ex);
	}

	void release() {
		this.seed.close();
	}

}
