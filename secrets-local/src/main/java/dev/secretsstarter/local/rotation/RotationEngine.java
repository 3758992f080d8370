package dev.secretsstarter.local.rotation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.secretsstarter.local.RotationFunction;
import dev.secretsstarter.local.protocol.Dispatcher;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.SecretVersion;
import dev.secretsstarter.local.store.ServiceError;
import dev.secretsstarter.local.store.Stages;

/**
 * Runs rotations: the four steps of a registered {@link RotationFunction}, on a background thread like
 * the service (or on the caller's thread when synchronous), and scheduled rotations when they are due
 * per the injected {@link Clock}. Steps run outside the store lock because they run user code (which
 * may, e.g., change a database password). Thread-safe.
 */
public final class RotationEngine implements AutoCloseable {

	private static final System.Logger logger = System.getLogger(RotationEngine.class.getName());

	private static final String[] STEPS = { "createSecret", "setSecret", "testSecret", "finishSecret" };

	private final Map<String, RotationFunction> functions = new ConcurrentHashMap<>();

	private final SecretStore store;

	private final Dispatcher dispatcher;

	private final Clock clock;

	private final boolean synchronous;

	private final ExecutorService executor;

	public RotationEngine(SecretStore store, Dispatcher dispatcher, Clock clock, boolean synchronous) {
		this.store = store;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.synchronous = synchronous;
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "secrets-local-rotation-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	public void register(String lambdaArn, RotationFunction function) {
		this.functions.put(lambdaArn, function);
	}

	public Optional<RotationFunction> function(String lambdaArn) {
		return Optional.ofNullable(this.functions.get(lambdaArn));
	}

	/** @return the function registered for {@code lambdaArn}, or the error the service gives */
	public RotationFunction requireFunction(String lambdaArn) {
		return function(lambdaArn).orElseThrow(() -> new ServiceError("AccessDeniedException", 400,
				"Secrets Manager cannot invoke the specified Lambda function " + lambdaArn
						+ ". Ensure that the function exists (register it with registerRotationFunction)."));
	}

	/** Whether a rotation of {@code secret} is running or left an AWSPENDING version behind. */
	public static boolean inProgress(Secret secret) {
		if (secret.rotationInProgress() != null) {
			return true;
		}
		Optional<SecretVersion> pending = secret.versionWithStage(Stages.PENDING);
		return pending.isPresent() && !pending.get().stages().contains(Stages.CURRENT);
	}

	/**
	 * Marks a rotation as started; the caller holds the store lock and must call {@link #launch} after
	 * releasing it.
	 * @return the new version id
	 */
	public String begin(Secret secret, String token) {
		if (inProgress(secret)) {
			throw ServiceError.invalidRequest("A previous rotation isn't complete. That rotation will be reattempted. ("
					+ secret.name() + ")");
		}
		secret.rotationInProgress(token);
		return token;
	}

	/** Runs the steps now or on a background thread, per the synchronous setting. */
	public void launch(String region, String arn, String token, RotationFunction function) {
		if (this.synchronous) {
			run(region, arn, token, function);
		}
		else {
			this.executor.execute(() -> run(region, arn, token, function));
		}
	}

	private void run(String region, String arn, String token, RotationFunction function) {
		for (String step : STEPS) {
			if (!stillRotating(region, arn, token)) {
				return;
			}
			DefaultRotationContext context = new DefaultRotationContext(this.store, this.dispatcher, this.clock, region,
					arn, token, step);
			try {
				switch (step) {
					case "createSecret" -> function.createSecret(context);
					case "setSecret" -> function.setSecret(context);
					case "testSecret" -> function.testSecret(context);
					default -> function.finishSecret(context);
				}
			}
			catch (RuntimeException ex) {
				// Only the type: a rotation function's message might quote the value it handled.
				logger.log(System.Logger.Level.WARNING, "Rotation step " + step + " failed for " + arn + ": "
						+ ex.getClass().getName());
				finish(region, arn, token, false);
				return;
			}
		}
		finish(region, arn, token, true);
	}

	private boolean stillRotating(String region, String arn, String token) {
		return this.store.locked(() -> this.store.find(region, arn)
			.map((s) -> token.equals(s.rotationInProgress()))
			.orElse(false));
	}

	private void finish(String region, String arn, String token, boolean succeeded) {
		this.dispatcher.apply("RotateSecret", (changes) -> {
			Secret secret = this.store.find(region, arn).orElse(null);
			if (secret == null || !token.equals(secret.rotationInProgress())) {
				return null;
			}
			secret.rotationInProgress(null);
			if (succeeded) {
				Instant now = this.clock.instant();
				SecretVersion version = secret.versions().get(token);
				if (version != null && version.stages().contains(Stages.CURRENT)) {
					version.stages().remove(Stages.PENDING);
				}
				secret.lastRotated(now);
				secret.nextRotation(Schedules.next(secret.rotationRules(), now));
				changes.touched();
			}
			return null;
		});
	}

	/** Starts, and runs to the end on the calling thread, every rotation due per the clock. */
	public void runDue() {
		record Due(String region, String arn, String token, RotationFunction function) {
		}
		List<Due> due = new ArrayList<>();
		this.store.locked(() -> {
			Instant now = this.clock.instant();
			for (Secret secret : this.store.all()) {
				Instant next = secret.nextRotation();
				String lambda = secret.rotationLambdaArn();
				if (secret.rotationEnabled() && !secret.isReplica() && !secret.markedForDeletion() && next != null
						&& !next.isAfter(now) && lambda != null && !inProgress(secret)) {
					function(lambda).ifPresent((fn) -> due
						.add(new Due(secret.region(), secret.arn(), begin(secret, UUID.randomUUID().toString()), fn)));
				}
			}
			return null;
		});
		due.forEach((d) -> run(d.region(), d.arn(), d.token(), d.function()));
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
