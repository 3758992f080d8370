package dev.secretsstarter.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Class paths for child JVMs, cut from the module's runtime class path
 * ({@code benchmarks/target/classpath.txt}, written by {@code maven-dependency-plugin:build-classpath})
 * plus the module's own classes. Each variant drops the artifacts of the others, so that a child
 * runs exactly what an application using that starter would have. Immutable, thread-safe.
 *
 * @author secrets-starter team
 */
public final class Classpaths {

	/** What refresh needs on top of a plain application. */
	static final java.util.Set<String> REFRESH_STACK = java.util.Set.of("spring-cloud-context", "spring-cloud-commons",
			"spring-security-crypto", "spring-boot-actuator-autoconfigure", "spring-boot-actuator");

	private final List<String> entries;

	private Classpaths(List<String> entries) {
		this.entries = List.copyOf(entries);
	}

	/**
	 * Read the class path file of the module at {@code moduleDir}.
	 * @param moduleDir the {@code benchmarks} module directory
	 * @return the class paths
	 */
	public static Classpaths load(Path moduleDir) {
		Path file = moduleDir.resolve("target/classpath.txt");
		try {
			String text = Files.readString(file).trim();
			List<String> entries = new ArrayList<>();
			entries.add(moduleDir.resolve("target/classes").toAbsolutePath().toString());
			entries.addAll(Arrays.asList(text.split(File.pathSeparator)));
			return new Classpaths(entries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No " + file + ": build the module first (benchmarks/run.sh does)", ex);
		}
	}

	/**
	 * The class path for a variant whose server runs in the launcher.
	 * @param variant the variant
	 * @return the joined class path
	 */
	public String forVariant(Variant variant) {
		return forVariant(variant, false, false);
	}

	/**
	 * The class path for a variant.
	 * @param variant the variant
	 * @param withServer whether the child hosts secrets-local itself
	 * @param withRefresh whether the child gets the refresh stack (Spring Cloud Context and
	 * Commons, the actuator), which polling needs and plain start-up does not
	 * @return the joined class path
	 */
	public String forVariant(Variant variant, boolean withServer, boolean withRefresh) {
		List<String> kept = new ArrayList<>();
		for (String entry : this.entries) {
			String artifact = artifactOf(entry);
			boolean server = withServer && artifact.equals("secrets-local");
			boolean refresh = REFRESH_STACK.contains(artifact);
			if (refresh && !withRefresh) {
				continue;
			}
			if (server || (variant.keeps(artifact) && variant.keepsPath(entry))) {
				kept.add(entry);
			}
		}
		return String.join(File.pathSeparator, kept);
	}

	/**
	 * The whole class path, less the Spring Cloud AWS starter (whose config-data resolver would
	 * compete with ours for {@code aws-secretsmanager:}): what the JMH JVMs run on.
	 * @return the joined class path
	 */
	public String forJmh() {
		List<String> kept = new ArrayList<>();
		for (String entry : this.entries) {
			if (!artifactOf(entry).startsWith("spring-cloud-aws")) {
				kept.add(entry);
			}
		}
		return String.join(File.pathSeparator, kept);
	}

	/**
	 * The version of an artifact on the full class path, for the tables.
	 * @param artifactId the artifact id
	 * @return the version, or {@code "?"}
	 */
	public String versionOf(String artifactId) {
		Pattern jar = Pattern.compile(Pattern.quote(artifactId) + "-(\\d[^/]*)\\.jar$");
		for (String entry : this.entries) {
			Matcher matcher = jar.matcher(entry.replace('\\', '/'));
			if (matcher.find() && entry.replace('\\', '/').endsWith("/" + matcher.group())) {
				return matcher.group(1);
			}
		}
		return "?";
	}

	/**
	 * The artifact id of a class path entry: from a jar's file name, or the module directory of a
	 * reactor {@code target/classes} folder.
	 * @param entry the entry
	 * @return the artifact id, as well as it can be told
	 */
	static String artifactOf(String entry) {
		String path = entry.replace('\\', '/');
		if (path.endsWith("/target/classes")) {
			String module = path.substring(0, path.length() - "/target/classes".length());
			return module.substring(module.lastIndexOf('/') + 1);
		}
		String file = path.substring(path.lastIndexOf('/') + 1);
		Matcher matcher = Pattern.compile("^(.+?)-\\d.*\\.jar$").matcher(file);
		return matcher.matches() ? matcher.group(1) : file;
	}

}
