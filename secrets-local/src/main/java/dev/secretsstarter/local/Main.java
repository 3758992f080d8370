package dev.secretsstarter.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * Runs {@link LocalSecretsManager} from the command line until the process is stopped.
 *
 * <pre>
 * java -jar secrets-local-standalone.jar --port 4566 [--host 127.0.0.1] [--data-file f] [--seed f.yml]
 *     [--region r] [--access-key k --secret-key s]
 * </pre>
 *
 * Not meant to be used from code; embed {@link LocalSecretsManager} instead.
 */
public final class Main {

	private static final String USAGE = """
			Usage: java -jar secrets-local-standalone.jar [options]
			  --port <n>          port to listen on (default 4566; 0 = any free port)
			  --host <address>    address to bind (default 127.0.0.1)
			  --region <region>   default region for seeding (default us-east-1)
			  --access-key <id>   the only access key accepted (default test)
			  --secret-key <key>  its secret key (default test)
			  --data-file <file>  persist secrets, encrypted, to this file (key in <file>.key)
			  --seed <file>       create the secrets a YAML/JSON seed file describes (repeatable)
			  --help              show this help
			""";

	private Main() {
	}

	public static void main(String[] args) throws InterruptedException {
		LocalSecretsManager.Builder builder;
		try {
			builder = parse(args, System.out);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("secrets-local: " + ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
			return;
		}
		if (builder == null) {
			return;
		}
		LocalSecretsManager server = builder.build().start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::close, "secrets-local-shutdown"));
		System.out.println(banner(server));
		System.out.flush();
		new CountDownLatch(1).await();
	}

	static String banner(LocalSecretsManager server) {
		return "secrets-local listening on " + server.endpoint() + " (region " + server.region() + ", access key "
				+ server.accessKeyId() + ")";
	}

	/**
	 * @return the configured builder, or {@code null} when only help was asked for (and printed)
	 * @throws IllegalArgumentException for an unknown option or a missing value
	 */
	static LocalSecretsManager.@Nullable Builder parse(String[] args, PrintStream out) {
		LocalSecretsManager.Builder builder = LocalSecretsManager.builder().port(4566);
		String accessKey = "test";
		String secretKey = "test";
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (option.equals("--help") || option.equals("-h")) {
				out.print(USAGE);
				return null;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("Missing value for " + option);
			}
			String value = args[++i];
			switch (option) {
				case "--port" -> builder.port(port(value));
				case "--host" -> builder.host(value);
				case "--region" -> builder.region(value);
				case "--access-key" -> accessKey = value;
				case "--secret-key" -> secretKey = value;
				case "--data-file" -> builder.dataFile(Path.of(value));
				case "--seed" -> builder.seed(Path.of(value));
				default -> throw new IllegalArgumentException("Unknown option " + option);
			}
		}
		return builder.credentials(accessKey, secretKey);
	}

	private static int port(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--port needs a number, not " + value);
		}
	}

}
