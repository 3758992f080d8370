package dev.secretsstarter.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Runs one child JVM to completion and collects the {@code BENCH key=value …} lines it prints.
 * Every wait is bounded; a child that overruns is destroyed and reported as failed.
 *
 * @author secrets-starter team
 */
public final class ChildProcess {

	/** The prefix of a result line a child prints on standard output. */
	public static final String PREFIX = "BENCH ";

	/**
	 * Set in every benchmark JVM (and by {@link RunAll} for itself): TCP_NODELAY on the sockets of
	 * the JDK HTTP server that secrets-local is built on. Without it each response stalls for
	 * ~40 ms (Nagle's algorithm meeting the client's delayed ACK), a latency no real endpoint has
	 * and one that would inflate the per-call cost of every variant.
	 */
	public static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

	private ChildProcess() {
	}

	/**
	 * Run {@code mainClass} in a fresh JVM.
	 * @param classpath the class path
	 * @param jvmOptions JVM options
	 * @param mainClass the main class
	 * @param args the program arguments
	 * @param timeout how long it may run
	 * @return the outcome
	 */
	public static Result run(String classpath, List<String> jvmOptions, String mainClass, List<String> args,
			Duration timeout) {
		return run(classpath, jvmOptions, mainClass, args, timeout, null);
	}

	/**
	 * Run {@code mainClass} in a fresh JVM, copying everything it prints to a log file.
	 * @param classpath the class path
	 * @param jvmOptions JVM options
	 * @param mainClass the main class
	 * @param args the program arguments
	 * @param timeout how long it may run
	 * @param log the log file, or {@code null} for none
	 * @return the outcome
	 */
	public static Result run(String classpath, List<String> jvmOptions, String mainClass, List<String> args,
			Duration timeout, @Nullable Path log) {
		List<String> command = new ArrayList<>();
		command.add(javaExecutable());
		command.add("-D" + NODELAY_PROPERTY + "=true");
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classpath);
		command.add(mainClass);
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (log != null) {
			try {
				Files.createDirectories(log.getParent());
				Files.deleteIfExists(log);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		long started = System.nanoTime();
		try {
			Process process = builder.start();
			List<Map<String, String>> records = new ArrayList<>();
			List<String> tail = new ArrayList<>();
			Thread reader = new Thread(() -> read(process, records, tail, log), "child-output");
			reader.setDaemon(true);
			reader.start();
			boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (!exited) {
				process.destroyForcibly();
				process.waitFor(10, TimeUnit.SECONDS);
			}
			reader.join(5000);
			double wallMs = (System.nanoTime() - started) / 1e6;
			synchronized (records) {
				return new Result(exited ? process.exitValue() : -1, !exited, wallMs, List.copyOf(records),
						List.copyOf(tail));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + mainClass, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + mainClass, ex);
		}
	}

	private static void read(Process process, List<Map<String, String>> records, List<String> tail,
			@Nullable Path log) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				if (log != null) {
					Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
				}
				synchronized (records) {
					if (line.startsWith(PREFIX)) {
						records.add(parse(line.substring(PREFIX.length())));
					}
					else {
						tail.add(line);
						if (tail.size() > 40) {
							tail.remove(0);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			// The child is gone; what was read stays.
		}
	}

	/**
	 * Parse {@code key=value key=value …}.
	 * @param text the text after the prefix
	 * @return the pairs, in order
	 */
	public static Map<String, String> parse(String text) {
		Map<String, String> pairs = new LinkedHashMap<>();
		for (String token : text.trim().split("\\s+")) {
			int eq = token.indexOf('=');
			if (eq > 0) {
				pairs.put(token.substring(0, eq), token.substring(eq + 1));
			}
		}
		return pairs;
	}

	/**
	 * Print a result line for the launcher.
	 * @param pairs alternating keys and values
	 */
	public static void report(Object... pairs) {
		StringBuilder line = new StringBuilder(PREFIX);
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			line.append(pairs[i]).append('=').append(pairs[i + 1]).append(' ');
		}
		System.out.println(line.toString().trim());
		System.out.flush();
	}

	private static String javaExecutable() {
		Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		return java.toString();
	}

	/**
	 * What a child did.
	 *
	 * @param exitCode its exit code, or -1 if destroyed
	 * @param timedOut whether it overran
	 * @param wallMs wall time from start to exit, in milliseconds
	 * @param records its result lines
	 * @param outputTail the last other lines it printed, to explain a failure
	 */
	public record Result(int exitCode, boolean timedOut, double wallMs, List<Map<String, String>> records,
			List<String> outputTail) {

		/**
		 * Whether it exited normally and reported at least once.
		 * @return whether it succeeded
		 */
		public boolean succeeded() {
			return this.exitCode == 0 && !this.records.isEmpty();
		}

		/**
		 * The first result line.
		 * @return its pairs
		 */
		public Map<String, String> first() {
			return this.records.get(0);
		}

		/**
		 * A one-line explanation of a failure, from the child's output.
		 * @return the reason
		 */
		public String failureReason() {
			for (String line : this.outputTail) {
				if (line.contains("Exception") || line.contains("Error") || line.contains("APPLICATION FAILED")) {
					return line.trim();
				}
			}
			return this.timedOut ? "timed out" : "exit code " + this.exitCode;
		}

	}

}
