package dev.secretsstarter.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * What can be known about an application's secrets imports before its {@code Environment}
 * exists: the command line, system properties, environment variables, and the raw text of the
 * configuration files Boot reads by default. A hint, not a parse: a file mentioning
 * {@value SecretImport#PREFIX} in a comment counts, an import declared elsewhere (a custom
 * {@code spring.config.location}, a config server) does not. Used only to decide whether warming
 * up is worth a background thread; a wrong guess costs some CPU time or some start-up time,
 * never behaviour.
 * <p>
 * Immutable; reads files on each call.
 *
 * @author secrets-starter team
 */
final class ImportHints {

	// Configuration files are small; a bound keeps a pathological one from slowing start-up.
	private static final int MAX_BYTES = 256 * 1024;

	private static final List<String> EXTENSIONS = List.of(".properties", ".yml", ".yaml");

	private final List<String> args;

	private final UnaryOperator<@Nullable String> systemProperties;

	private final UnaryOperator<@Nullable String> environment;

	private final ClassLoader classLoader;

	private final Path workingDirectory;

	ImportHints(List<String> args, UnaryOperator<@Nullable String> systemProperties,
			UnaryOperator<@Nullable String> environment, ClassLoader classLoader, Path workingDirectory) {
		this.args = List.copyOf(args);
		this.systemProperties = systemProperties;
		this.environment = environment;
		this.classLoader = classLoader;
		this.workingDirectory = workingDirectory;
	}

	/**
	 * The hints of this JVM.
	 * @param args the application's arguments
	 * @param classLoader where the application's resources are
	 * @return the hints
	 */
	static ImportHints of(String[] args, ClassLoader classLoader) {
		return new ImportHints(List.of(args), System::getProperty, System::getenv, classLoader,
				Path.of("").toAbsolutePath());
	}

	/**
	 * Whether warming up is allowed: neither {@code secrets.enabled} nor
	 * {@code secrets.warm-up.enabled} is {@code false} where it can be seen this early.
	 * @return whether warming up is allowed
	 */
	boolean warmUpAllowed() {
		return !"false".equalsIgnoreCase(earlyProperty("secrets.enabled"))
				&& !"false".equalsIgnoreCase(earlyProperty("secrets.warm-up.enabled"));
	}

	/**
	 * Whether an {@value SecretImport#PREFIX} import is likely.
	 * @return whether the arguments, {@code spring.config.import} or a default configuration file
	 * mention one
	 */
	boolean importLikely() {
		for (String arg : this.args) {
			if (arg.contains(SecretImport.PREFIX)) {
				return true;
			}
		}
		for (String name : List.of("spring.config.import", "spring.application.json")) {
			String value = earlyProperty(name);
			if (value != null && value.contains(SecretImport.PREFIX)) {
				return true;
			}
		}
		for (String file : configurationFiles()) {
			if (mentionsImport(this.classLoader, file) || mentionsImport(this.workingDirectory.resolve(file))) {
				return true;
			}
		}
		return false;
	}

	// Boot's default locations (classpath:/, classpath:/config/, file:./, file:./config/), for
	// spring.config.name and the profiles already active.
	private List<String> configurationFiles() {
		List<String> baseNames = new ArrayList<>();
		for (String name : listProperty("spring.config.name", "application")) {
			baseNames.add(name);
			for (String profile : listProperty("spring.profiles.active", "")) {
				baseNames.add(name + "-" + profile);
			}
		}
		List<String> files = new ArrayList<>();
		for (String directory : List.of("", "config/")) {
			for (String baseName : baseNames) {
				for (String extension : EXTENSIONS) {
					files.add(directory + baseName + extension);
				}
			}
		}
		return files;
	}

	private List<String> listProperty(String name, String defaultValue) {
		String value = earlyProperty(name);
		List<String> items = new ArrayList<>();
		for (String item : ((value != null) ? value : defaultValue).split(",")) {
			if (!item.isBlank()) {
				items.add(item.trim());
			}
		}
		return items;
	}

	// As Boot would see it this early: --name=value, then -Dname=value, then NAME_IN_CAPITALS.
	private @Nullable String earlyProperty(String name) {
		String value = null;
		for (String arg : this.args) {
			if (arg.startsWith("--" + name + "=")) {
				value = arg.substring(name.length() + 3);
			}
		}
		if (value == null) {
			value = this.systemProperties.apply(name);
		}
		if (value == null) {
			value = this.environment
				.apply(name.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT));
		}
		return (value != null) ? value.trim() : null;
	}

	private static boolean mentionsImport(ClassLoader classLoader, String resource) {
		try (InputStream in = classLoader.getResourceAsStream(resource)) {
			return in != null && contains(in.readNBytes(MAX_BYTES));
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static boolean mentionsImport(Path file) {
		if (!Files.isRegularFile(file)) {
			return false;
		}
		try (InputStream in = Files.newInputStream(file)) {
			return contains(in.readNBytes(MAX_BYTES));
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static boolean contains(byte[] text) {
		return new String(text, StandardCharsets.UTF_8).contains(SecretImport.PREFIX);
	}

}
