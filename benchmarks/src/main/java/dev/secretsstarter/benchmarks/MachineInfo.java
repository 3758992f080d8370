package dev.secretsstarter.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where and with what a suite ran: machine, JDK, versions of every measured library, date. Saved
 * beside each raw result and printed under each table, because a figure without it is useless.
 *
 * @author secrets-starter team
 */
public final class MachineInfo {

	private MachineInfo() {
	}

	/**
	 * Describe this machine and the versions on the class path.
	 * @param classpaths the class paths
	 * @return ordered pairs
	 */
	public static Map<String, String> describe(Classpaths classpaths) {
		Map<String, String> info = new LinkedHashMap<>();
		info.put("date", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		info.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
		info.put("cpu", firstValue(Paths.get("/proc/cpuinfo"), "model name"));
		info.put("memory", firstValue(Paths.get("/proc/meminfo"), "MemTotal"));
		info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		info.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		info.put("spring-boot", classpaths.versionOf("spring-boot"));
		info.put("spring-cloud-aws", classpaths.versionOf("spring-cloud-aws-secrets-manager"));
		info.put("aws-secretsmanager-caching-java", classpaths.versionOf("aws-secretsmanager-caching-java"));
		info.put("aws-sdk-v2", classpaths.versionOf("secretsmanager"));
		info.put("aws-sdk-v1", classpaths.versionOf("aws-java-sdk-secretsmanager"));
		info.put("caffeine", classpaths.versionOf("caffeine"));
		info.put("jmh", classpaths.versionOf("jmh-core"));
		info.put("secrets-starter", projectVersion());
		info.put("load-average", firstLine(Paths.get("/proc/loadavg")));
		return info;
	}

	/**
	 * Save the description beside a suite's raw results.
	 * @param info the description
	 * @param file the properties file
	 */
	public static void save(Map<String, String> info, Path file) {
		StringBuilder text = new StringBuilder();
		info.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Read a saved description.
	 * @param file the properties file
	 * @return ordered pairs, empty if absent
	 */
	public static Map<String, String> load(Path file) {
		Map<String, String> info = new LinkedHashMap<>();
		if (!Files.exists(file)) {
			return info;
		}
		try {
			for (String line : Files.readAllLines(file)) {
				int eq = line.indexOf('=');
				if (eq > 0) {
					info.put(line.substring(0, eq), line.substring(eq + 1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return info;
	}

	/**
	 * One line for under a table.
	 * @param info the description
	 * @return the line
	 */
	public static String line(Map<String, String> info) {
		if (info.isEmpty()) {
			return "_(no environment recorded)_";
		}
		return "_Measured " + info.get("date") + " on " + info.get("cpus") + " CPUs (" + info.get("cpu") + "), "
				+ info.get("memory") + " RAM, " + info.get("os") + "; " + info.get("jdk") + "; Spring Boot "
				+ info.get("spring-boot") + ", Spring Cloud AWS " + info.get("spring-cloud-aws")
				+ ", aws-secretsmanager-caching-java " + info.get("aws-secretsmanager-caching-java")
				+ ", AWS SDK " + info.get("aws-sdk-v2") + " (v1 " + info.get("aws-sdk-v1") + "), Caffeine "
				+ info.get("caffeine") + ", JMH " + info.get("jmh") + ", secrets-starter "
				+ info.get("secrets-starter") + "; load average at start " + info.get("load-average") + "._";
	}

	private static String projectVersion() {
		try {
			String pom = Files.readString(Paths.get("pom.xml"));
			java.util.regex.Matcher matcher = java.util.regex.Pattern
				.compile("<artifactId>secrets-starter-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
			return matcher.find() ? matcher.group(1) : "?";
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static String firstLine(Path file) {
		try {
			List<String> lines = Files.readAllLines(file);
			return lines.isEmpty() ? "unknown" : String.join(" ", List.of(lines.get(0).split("\\s+")).subList(0, 3));
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static String firstValue(Path file, String key) {
		try {
			List<String> lines = Files.readAllLines(file);
			for (String line : lines) {
				if (line.startsWith(key)) {
					return line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " ");
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			// Not Linux: say so rather than fail.
		}
		return "unknown";
	}

}
