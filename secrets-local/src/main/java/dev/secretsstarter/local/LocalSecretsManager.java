package dev.secretsstarter.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.secretsstarter.local.control.ChangePublisher;
import dev.secretsstarter.local.control.DefaultFaultInjector;
import dev.secretsstarter.local.control.DefaultRequestCounters;
import dev.secretsstarter.local.ops.CodeWrites;
import dev.secretsstarter.local.ops.Operations;
import dev.secretsstarter.local.persist.DataFile;
import dev.secretsstarter.local.protocol.Dispatcher;
import dev.secretsstarter.local.protocol.HttpEndpoint;
import dev.secretsstarter.local.protocol.HttpFrontend;
import dev.secretsstarter.local.protocol.SigV4Verifier;
import dev.secretsstarter.local.rotation.RotationEngine;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.SecretValue;
import org.jspecify.annotations.Nullable;

/**
 * An embedded, AWS Secrets Manager-compatible server that the real AWS SDK talks to over HTTP (AWS JSON
 * 1.1, SigV4-verified).
 *
 * <pre>{@code
 * try (LocalSecretsManager server = LocalSecretsManager.builder().build().start()) {
 *     server.createSecret("db/credentials", "{\"username\":\"app\",\"password\":\"dummy\"}");
 *     SecretsManagerClient client = SecretsManagerClient.builder()
 *         .endpointOverride(server.endpoint())
 *         .region(Region.of(server.region()))
 *         .credentialsProvider(StaticCredentialsProvider.create(
 *             AwsBasicCredentials.create(server.accessKeyId(), server.secretAccessKey())))
 *         .build();
 * }
 * }</pre>
 *
 * <p>Thread-safe: every method may be called from any thread while requests are served.
 */
public final class LocalSecretsManager implements AutoCloseable {

	private static final System.Logger logger = System.getLogger(LocalSecretsManager.class.getName());

	private final Builder config;

	private final SecretStore store;

	private final ChangePublisher publisher = new ChangePublisher();

	private final DefaultRequestCounters counters = new DefaultRequestCounters();

	private final DefaultFaultInjector faults = new DefaultFaultInjector();

	private final @Nullable DataFile dataFile;

	private final Dispatcher dispatcher;

	private final RotationEngine rotation;

	private final AtomicBoolean started = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final CodeWrites codeWrites;

	private volatile @Nullable HttpEndpoint endpoint;

	private volatile @Nullable ScheduledExecutorService scheduler;

	private LocalSecretsManager(Builder config) {
		this.config = config;
		this.store = new SecretStore(config.accountId);
		this.dataFile = (config.dataFile != null) ? new DataFile(config.dataFile) : null;
		DataFile file = this.dataFile;
		this.dispatcher = new Dispatcher(this.store, config.clock, this.publisher,
				(file != null) ? () -> file.save(this.store) : () -> {
				});
		this.rotation = new RotationEngine(this.store, this.dispatcher, config.clock, config.synchronousRotation);
		config.rotationFunctions.forEach(this.rotation::register);
		Operations.registerAll(this.store, this.rotation, this.dispatcher);
		this.codeWrites = new CodeWrites(this.store, this.dispatcher, config.clock, config.region);
		if (file != null) {
			this.store.locked(() -> {
				file.load(this.store);
				return null;
			});
		}
		for (Path seed : config.seeds) {
			seed(seed);
		}
	}

	/** @return a builder with the defaults: 127.0.0.1, a free port, us-east-1, test/test */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Binds the port and starts serving.
	 * @return this server
	 * @throws IllegalStateException when already started or closed
	 */
	public LocalSecretsManager start() {
		if (this.closed.get() || !this.started.compareAndSet(false, true)) {
			throw new IllegalStateException("The server was already started");
		}
		this.endpoint = HttpEndpoint.start(this.config.host, this.config.port,
				new HttpFrontend(new SigV4Verifier(this.config.accessKeyId, this.config.secretAccessKey),
						this.dispatcher, this.counters, this.faults));
		Duration interval = this.config.rotationCheckInterval;
		if (interval != null) {
			ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "secrets-local-rotation-scheduler");
				thread.setDaemon(true);
				return thread;
			});
			timer.scheduleWithFixedDelay(this::runDueRotationsSafely, interval.toMillis(), interval.toMillis(),
					TimeUnit.MILLISECONDS);
			this.scheduler = timer;
		}
		return this;
	}

	private void runDueRotationsSafely() {
		try {
			runDueRotations();
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.WARNING, "Scheduled rotation check failed: " + ex.getClass().getName());
		}
	}

	/** @return the base URI to give the SDK's {@code endpointOverride}, e.g. {@code http://127.0.0.1:54321} */
	public URI endpoint() {
		String host = this.config.host.contains(":") ? "[" + this.config.host + "]" : this.config.host;
		return URI.create("http://" + host + ":" + port());
	}

	/** @return the bound port */
	public int port() {
		HttpEndpoint http = this.endpoint;
		if (http == null) {
			throw new IllegalStateException("The server is not started");
		}
		return http.port();
	}

	/** @return the default region, used by the seeding methods */
	public String region() {
		return this.config.region;
	}

	/** @return the account id used in ARNs */
	public String accountId() {
		return this.config.accountId;
	}

	public String accessKeyId() {
		return this.config.accessKeyId;
	}

	public String secretAccessKey() {
		return this.config.secretAccessKey;
	}

	/** Stops the server and its background threads. Idempotent. */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		ScheduledExecutorService timer = this.scheduler;
		if (timer != null) {
			timer.shutdownNow();
		}
		HttpEndpoint http = this.endpoint;
		if (http != null) {
			http.stop();
		}
		this.rotation.close();
	}

	public void addListener(SecretChangeListener listener) {
		this.publisher.add(Objects.requireNonNull(listener, "listener"));
	}

	public void removeListener(SecretChangeListener listener) {
		this.publisher.remove(listener);
	}

	public FaultInjector faults() {
		return this.faults;
	}

	public RequestCounters requests() {
		return this.counters;
	}

	/**
	 * Makes {@code function} what a RotateSecret naming {@code lambdaArn} runs.
	 * @param lambdaArn any ARN-like string, e.g. {@code arn:aws:lambda:us-east-1:000000000000:function:rotate}
	 * @param function the steps
	 */
	public void registerRotationFunction(String lambdaArn, RotationFunction function) {
		this.rotation.register(lambdaArn, function);
	}

	/**
	 * Forgets every secret, count and fault; keeps listeners and rotation functions. Listeners are told
	 * of each forgotten secret as DELETED (not again of one already scheduled for deletion). To go back
	 * to a seeded state, use {@link #reset(List, Map)}, which seeds in the same atomic step.
	 */
	public void reset() {
		this.codeWrites.reset(List.of(), Map.of(), this.store::clear);
		this.counters.reset();
		this.faults.clear();
	}

	/**
	 * Puts the server back to a seeded state: forgets every secret, count and fault as {@link #reset()}
	 * does, then seeds the files in order as {@link #seed(Path)} does and then the secrets as
	 * {@link #seed(String, String)} does, the forgetting and the seeding in one atomic step. A request
	 * served meanwhile, or a listener, sees the secrets as they were before or as seeded, never a server
	 * forgotten but not yet seeded again (an application polling across a test reset sees no seeded
	 * secret missing). The seeded secrets get the version ids of their first seeding back, and the ARNs
	 * they had: a seeded secret's ARN suffix depends only on its region and name (and a random key of
	 * this server), so a client addressing it by its full ARN still finds it. Listeners are
	 * told what the step changed, once it is done: DELETED for a secret that is gone, CREATED for a
	 * seeded secret that did not exist, VALUE_CHANGED for one whose current version differs from before,
	 * RESTORED for one that was scheduled for deletion, and nothing for one whose current version is
	 * the one it had; a secret created through the API under a seeded name has another ARN, so it is
	 * announced DELETED and the seeded one CREATED. A data file is written once.
	 * <p>
	 * All or nothing: every file is read and every entry checked before anything is forgotten, so a bad
	 * seed leaves the secrets, counts and faults as they were.
	 * @param seedFiles seed files (format in {@code docs/local-server.md}), seeded in order
	 * @param secrets secret name to secret string, seeded after the files (a name a file also seeds gets
	 * this value as its new AWSCURRENT version)
	 * @throws IllegalArgumentException naming the file and secret (never the value) when an entry is invalid
	 */
	public void reset(List<Path> seedFiles, Map<String, String> secrets) {
		this.codeWrites.reset(List.copyOf(seedFiles), new LinkedHashMap<>(secrets), this.store::clear);
		this.counters.reset();
		this.faults.clear();
	}

	/** Rotates, on the calling thread, every secret whose rotation schedule is due per the clock. */
	public void runDueRotations() {
		this.rotation.runDue();
	}

	/**
	 * Creates a secret with a string value labelled AWSCURRENT, as CreateSecret would, in {@link #region()}.
	 * The seeding methods throw {@link IllegalArgumentException} where the API would answer an error (e.g. the
	 * name exists); messages name the secret, never the value.
	 */
	public void createSecret(String name, String secretString) {
		this.codeWrites.create(name, SecretValue.ofString(secretString), null, Map.of());
	}

	/** Creates a secret with a binary value labelled AWSCURRENT, as CreateSecret would, in {@link #region()}. */
	public void createSecret(String name, byte[] secretBinary) {
		this.codeWrites.create(name, SecretValue.ofBinary(secretBinary), null, Map.of());
	}

	/**
	 * Creates a secret with a string value, a description and tags, as CreateSecret would.
	 * @param description the description, if any
	 * @param tags tag key to value
	 */
	public void createSecret(String name, String secretString, @Nullable String description, Map<String, String> tags) {
		this.codeWrites.create(name, SecretValue.ofString(secretString), description, tags);
	}

	/** Adds a version labelled AWSCURRENT (the old one becomes AWSPREVIOUS), as PutSecretValue would. */
	public void putSecretValue(String name, String secretString) {
		this.codeWrites.put(name, SecretValue.ofString(secretString));
	}

	/**
	 * Creates the secrets a YAML or JSON seed file describes (see {@code docs/local-server.md}); secrets that
	 * already exist get the seeded value as a new AWSCURRENT version when it differs. All or nothing: a file
	 * with one invalid entry seeds no entry. A seeded version's id depends only on the secret's name and value
	 * (and a random key of this server), and a seeded secret's ARN only on its name (and another random
	 * key), so seeding the same file after {@link #reset()} restores the same version ids and ARNs. Secrets
	 * created through the API or {@link #createSecret(String, String)} get random ARN suffixes, as in the
	 * service.
	 * @throws IllegalArgumentException naming the file and secret (never the value) when an entry is invalid
	 */
	public void seed(Path yamlOrJsonFile) {
		this.codeWrites.seed(yamlOrJsonFile);
	}

	/**
	 * Seeds one secret as a seed file entry {@code {name: ..., string: ...}} would: creates it, or adds
	 * the value as a new AWSCURRENT version when it differs from the current one; the version id depends
	 * only on the name and value (and a random key of this server), so seeding the same secret after
	 * {@link #reset()} restores the same version id.
	 * @throws IllegalArgumentException where the API would answer an error (e.g. an invalid name); the
	 * message names the secret, never the value
	 */
	public void seed(String name, String secretString) {
		this.codeWrites.seed(name, secretString);
	}

	/**
	 * Seeds the secrets, in order, as {@link #seed(String, String)} seeds one, in one atomic step: all
	 * or nothing, every secret checked before the first is written.
	 * @param secrets secret name to secret string
	 * @throws IllegalArgumentException where the API would answer an error for one of them (e.g. an
	 * invalid name); the message names the secret, never the value, and nothing was seeded
	 */
	public void seed(Map<String, String> secrets) {
		this.codeWrites.seed(new LinkedHashMap<>(secrets));
	}

	@Override
	public String toString() {
		HttpEndpoint http = this.endpoint;
		return "LocalSecretsManager[" + ((http != null) ? endpoint() : "not started") + ", region " + this.config.region
				+ "]";
	}

	/**
	 * Configures a {@link LocalSecretsManager}. Not thread-safe; build once.
	 */
	public static final class Builder {

		private String host = "127.0.0.1";

		private int port;

		private String region = "us-east-1";

		private String accountId = "000000000000";

		private String accessKeyId = "test";

		private String secretAccessKey = "test";

		private Clock clock = Clock.systemUTC();

		private @Nullable Path dataFile;

		private final List<Path> seeds = new ArrayList<>();

		private final Map<String, RotationFunction> rotationFunctions = new LinkedHashMap<>();

		private boolean synchronousRotation;

		private @Nullable Duration rotationCheckInterval;

		private Builder() {
		}

		/** The address to bind, 127.0.0.1 by default. */
		public Builder host(String host) {
			this.host = Objects.requireNonNull(host, "host");
			return this;
		}

		/** The port to bind, 0 (a free port) by default. */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be between 0 and 65535");
			}
			this.port = port;
			return this;
		}

		/** The default region (us-east-1), used for seeding; requests use the region they are signed for. */
		public Builder region(String region) {
			this.region = Objects.requireNonNull(region, "region");
			return this;
		}

		/** The account id in ARNs, 000000000000 by default. */
		public Builder accountId(String accountId) {
			this.accountId = Objects.requireNonNull(accountId, "accountId");
			return this;
		}

		/** The only credentials accepted, test/test by default. */
		public Builder credentials(String accessKeyId, String secretAccessKey) {
			this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
			this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
			return this;
		}

		/** The clock for timestamps, deletion windows and rotation schedules; the system UTC clock by default. */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/** Persists every write to this file, encrypted with a key kept in {@code <file>.key}. */
		public Builder dataFile(Path dataFile) {
			this.dataFile = Objects.requireNonNull(dataFile, "dataFile");
			return this;
		}

		/** Seeds the secrets a YAML or JSON file describes when the server is built. May be called repeatedly. */
		public Builder seed(Path seedFile) {
			this.seeds.add(Objects.requireNonNull(seedFile, "seedFile"));
			return this;
		}

		/** Registers a rotation function, as {@link LocalSecretsManager#registerRotationFunction} does. */
		public Builder rotationFunction(String lambdaArn, RotationFunction function) {
			this.rotationFunctions.put(Objects.requireNonNull(lambdaArn, "lambdaArn"),
					Objects.requireNonNull(function, "function"));
			return this;
		}

		/** Whether RotateSecret runs the steps before answering, instead of on a background thread like the service. */
		public Builder synchronousRotation(boolean synchronousRotation) {
			this.synchronousRotation = synchronousRotation;
			return this;
		}

		/** Checks for due scheduled rotations in the background at this interval; off by default. */
		public Builder rotationCheckInterval(Duration interval) {
			if (interval.isNegative() || interval.isZero()) {
				throw new IllegalArgumentException("interval must be positive");
			}
			this.rotationCheckInterval = interval;
			return this;
		}

		/** @return a server, not yet started; persisted data and seed files are loaded now */
		public LocalSecretsManager build() {
			return new LocalSecretsManager(this);
		}

	}


}
