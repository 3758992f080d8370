package dev.secretsstarter.test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.secretsstarter.local.AbstractRotationFunction;
import dev.secretsstarter.local.FaultInjector;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.local.RequestCounters;
import dev.secretsstarter.local.RotationContext;
import dev.secretsstarter.local.RotationFunction;
import dev.secretsstarter.local.SecretChangeEvent;
import dev.secretsstarter.local.SecretChangeListener;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * A test's handle on an embedded secrets-local server: write, rotate and delete secrets the way
 * an operator would (through the real API, so the server records versions and staging labels),
 * inject faults, count calls, and reset. Injected by {@link LocalSecretsManagerExtension}; in a
 * Spring test, create one with {@link #of(LocalSecretsManager)} from the server bean.
 * <p>
 * Thread-safe. Owns a client it closes with {@link #close()}; the server is not closed.
 *
 * @author secrets-starter team
 */
public final class LocalSecrets implements AutoCloseable {

	private static final AtomicInteger rotations = new AtomicInteger();

	static final int ROTATION_TIMEOUT_SECONDS = 10;

	private final LocalSecretsManager server;

	private final SecretsManagerClient client;

	private final List<String> seeds;

	/** What {@link LocalSecret} declares, in order; also the lock that makes a reset and a declaration exclusive. */
	private final List<Declaration> declarations = new ArrayList<>();

	private LocalSecrets(LocalSecretsManager server, List<String> seeds) {
		this.server = server;
		this.seeds = List.copyOf(seeds);
		this.client = SecretsManagerClient.builder()
			.endpointOverride(server.endpoint())
			.region(Region.of(server.region()))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(server.accessKeyId(), server.secretAccessKey())))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	/**
	 * A handle on a running server.
	 * @param server the server
	 * @return a handle whose {@link #reset()} forgets everything
	 */
	public static LocalSecrets of(LocalSecretsManager server) {
		return new LocalSecrets(server, List.of());
	}

	static LocalSecrets of(LocalSecretsManager server, List<String> seeds) {
		return new LocalSecrets(server, seeds);
	}

	/**
	 * Creates the secret, or adds the value as its new AWSCURRENT version (the old one becomes
	 * AWSPREVIOUS), as PutSecretValue does.
	 * @param name the secret name
	 * @param value the secret string
	 * @return the id of the version now current
	 */
	public String put(String name, String value) {
		try {
			return this.client.putSecretValue((request) -> request.secretId(name).secretString(value)).versionId();
		}
		catch (ResourceNotFoundException ex) {
			return this.client.createSecret((request) -> request.name(name).secretString(value)).versionId();
		}
	}

	/**
	 * Rotates the secret with RotateSecret, through a rotation function that stages
	 * {@code newValue}; returns once the new version is AWSCURRENT, whether the server runs
	 * rotation steps synchronously or on its rotation thread (as AWS runs the Lambda).
	 * @param name the secret name
	 * @param newValue the value the rotation makes current
	 * @return the id of the version now current
	 */
	public String rotate(String name, String newValue) {
		return rotate(name, new AbstractRotationFunction() {

			@Override
			public void createSecret(RotationContext context) {
				context.putPendingSecretString(newValue);
			}

		});
	}

	/**
	 * Rotates the secret with RotateSecret through the given function; returns once the version
	 * the rotation created is AWSCURRENT, waiting at most {@value #ROTATION_TIMEOUT_SECONDS}
	 * seconds for a server that runs the steps on its rotation thread.
	 * @param name the secret name or ARN
	 * @param function the rotation's four steps
	 * @return the id of the version the rotation created
	 * @throws IllegalStateException if the version is not AWSCURRENT in time (a step failed: the
	 * server logs which)
	 */
	public String rotate(String name, RotationFunction function) {
		return rotate(name, function, Duration.ofSeconds(ROTATION_TIMEOUT_SECONDS));
	}

	String rotate(String name, RotationFunction function, Duration timeout) {
		String arn = "arn:aws:lambda:" + this.server.region() + ":" + this.server.accountId()
				+ ":function:test-rotation-" + rotations.incrementAndGet();
		this.server.registerRotationFunction(arn, function);
		CurrentVersions current = new CurrentVersions(name);
		this.server.addListener(current);
		try {
			String versionId = this.client
				.rotateSecret((request) -> request.secretId(name).rotationLambdaARN(arn).rotateImmediately(true))
				.versionId();
			current.await(versionId, timeout);
			return versionId;
		}
		finally {
			this.server.removeListener(current);
		}
	}

	/**
	 * Deletes the secret at once, without a recovery window.
	 * @param name the secret name
	 */
	public void delete(String name) {
		this.client.deleteSecret((request) -> request.secretId(name).forceDeleteWithoutRecovery(true));
	}

	/**
	 * The current value, read through the API (counted like any other call).
	 * @param name the secret name
	 * @return the AWSCURRENT secret string
	 */
	public String currentValue(String name) {
		return this.client.getSecretValue((request) -> request.secretId(name)).secretString();
	}

	/**
	 * Faults the server injects into its responses: latency, errors, throttling.
	 * @return the server's fault injector
	 */
	public FaultInjector faults() {
		return this.server.faults();
	}

	/**
	 * Per-operation API call counters.
	 * @return the server's counters
	 */
	public RequestCounters requests() {
		return this.server.requests();
	}

	/**
	 * Puts the server back to its seeded state: forgets every secret, count and fault, and seeds the
	 * seed files again, then the secrets {@link LocalSecret} declares on the running test classes and
	 * the running test method — in one atomic step on the server, so that an application polling it
	 * meanwhile never finds a seeded secret missing. The seeded secrets get the version ids of their
	 * first seeding back, so an application polling the server sees only the secrets changed since as
	 * rotated, and the ARNs they had, so one addressing a seeded secret by its full ARN still finds it.
	 * A bad seed file fails the reset and leaves the server as it was.
	 */
	public void reset() {
		synchronized (this.declarations) {
			Map<String, String> declared = new LinkedHashMap<>();
			this.declarations.forEach((declaration) -> declared.putAll(declaration.secrets()));
			List<SeedResource> files = new ArrayList<>();
			try {
				this.seeds.forEach((location) -> files.add(SeedResource.resolve(location)));
				this.server.reset(files.stream().map(SeedResource::file).toList(), declared);
			}
			catch (IllegalArgumentException ex) {
				throw SeedResource.rejected(files, this.seeds, ex);
			}
			finally {
				files.forEach(SeedResource::release);
			}
		}
	}

	/**
	 * Seeds the secrets now, all or nothing (as seed file entries: a version id derived from name and
	 * value), and again on every {@link #reset()} until the returned declaration is closed.
	 * @param secrets name to value; later entries for the same name win over earlier ones
	 * @return the declaration, to close when the class or test that declares the secrets ends
	 */
	Declaration declare(Map<String, String> secrets) {
		synchronized (this.declarations) {
			// All or nothing: an invalid name in the second leaves the first unseeded too.
			this.server.seed(secrets);
			Declaration declaration = new Declaration(Collections.unmodifiableMap(new LinkedHashMap<>(secrets)));
			this.declarations.add(declaration);
			return declaration;
		}
	}

	public LocalSecretsManager server() {
		return this.server;
	}

	public URI endpoint() {
		return this.server.endpoint();
	}

	/**
	 * A ready client, signed with the server's dummy credentials.
	 * @return the client; closed with this handle
	 */
	public SecretsManagerClient client() {
		return this.client;
	}

	@Override
	public void close() {
		this.client.close();
	}


	/**
	 * Secrets a test class or method declares with {@link LocalSecret}: restored by every reset
	 * until closed, which JUnit does when the class or method ends.
	 */
	final class Declaration implements AutoCloseable {

		private final Map<String, String> secrets;

		private Declaration(Map<String, String> secrets) {
			this.secrets = secrets;
		}

		Map<String, String> secrets() {
			return this.secrets;
		}

		@Override
		public void close() {
			synchronized (LocalSecrets.this.declarations) {
				LocalSecrets.this.declarations.remove(this);
			}
		}

		@Override
		public String toString() {
			// The values are secrets (dummies, but still).
			return "Declaration" + this.secrets.keySet();
		}

	}

	/**
	 * The versions of one secret the server announced as AWSCURRENT: listening, not polling, so
	 * that waiting for a rotation adds no API call to the server's counters.
	 */
	private static final class CurrentVersions implements SecretChangeListener {

		private final String secretId;

		private final Set<String> seen = new HashSet<>();

		CurrentVersions(String secretId) {
			this.secretId = secretId;
		}

		@Override
		public synchronized void onChange(SecretChangeEvent event) {
			boolean thisSecret = this.secretId.equals(event.name()) || this.secretId.equals(event.arn());
			if (thisSecret && event.currentVersionId() != null) {
				this.seen.add(event.currentVersionId());
				notifyAll();
			}
		}

		synchronized void await(String versionId, Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			try {
				while (!this.seen.contains(versionId)) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						throw new IllegalStateException("The rotation of secret '" + this.secretId + "' did not make "
								+ "version " + versionId + " AWSCURRENT within " + timeout.toSeconds()
								+ " s: a rotation step failed or is still running (the server logs a failed step). "
								+ "Check the rotation function.");
					}
					TimeUnit.NANOSECONDS.timedWait(this, left);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the rotation of secret '"
						+ this.secretId + "'", ex);
			}
		}

	}

}
