package dev.secretsstarter.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

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
		LocalSecretsManager.Builder builder = LocalSecretsManager.builder().port(4566);
		String accessKey = "test";
		String secretKey = "test";
		try {
			for (int i = 0; i < args.length; i++) {
				String option = args[i];
				if (option.equals("--help") || option.equals("-h")) {
					System.out.print(USAGE);
					return;
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("Missing value for " + option);
				}
				String value = args[++i];
				switch (option) {
					case "--port" -> builder.port(Integer.parseInt(value));
					case "--host" -> builder.host(value);
					case "--region" -> builder.region(value);
					case "--access-key" -> accessKey = value;
					case "--secret-key" -> secretKey = value;
					case "--data-file" -> builder.dataFile(Path.of(value));
					case "--seed" -> builder.seed(Path.of(value));
					default -> throw new IllegalArgumentException("Unknown option " + option);
				}
			}
		}
		catch (IllegalArgumentException ex) {
			fail(System.err, ex.getMessage());
			return;
		}
		LocalSecretsManager server = builder.credentials(accessKey, secretKey).build().start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::close, "secrets-local-shutdown"));
		System.out.println("secrets-local listening on " + server.endpoint() + " (region " + server.region()
				+ ", access key " + server.accessKeyId() + ")");
		System.out.flush();
		new CountDownLatch(1).await();
	}

	private static void fail(PrintStream err, String message) {
		err.println("secrets-local: " + message);
		err.print(USAGE);
		System.exit(2);
	}

}
