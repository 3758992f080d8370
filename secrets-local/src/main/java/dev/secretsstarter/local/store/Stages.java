package dev.secretsstarter.local.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The staging-label rules: a label is on at most one version; moving AWSCURRENT puts AWSPREVIOUS on
 * the version it left; versions with no label are deprecated and pruned beyond {@link #MAX_VERSIONS}.
 * Stateless; callers hold the {@link SecretStore} lock.
 */
public final class Stages {

	public static final String CURRENT = "AWSCURRENT";

	public static final String PREVIOUS = "AWSPREVIOUS";

	public static final String PENDING = "AWSPENDING";

	/** The service's quota of versions per secret; deprecated versions beyond it are removed. */
	public static final int MAX_VERSIONS = 100;

	private static final int MAX_STAGES_PER_VERSION = 20;

	private Stages() {
	}

	/**
	 * Adds a version and attaches the given labels to it (moving them from other versions).
	 * @return the new version
	 */
	public static SecretVersion addVersion(Secret secret, String versionId, @Nullable SecretValue value,
			Collection<String> stages, Instant now) {
		// Checked before anything moves: a refused request must not have moved AWSCURRENT already.
		stages.forEach(Stages::checkLabel);
		if (new HashSet<>(stages).size() > MAX_STAGES_PER_VERSION) {
			throw tooManyLabels();
		}
		SecretVersion version = new SecretVersion(versionId, value, now);
		secret.versions().put(versionId, version);
		for (String stage : stages) {
			move(secret, stage, version);
		}
		prune(secret);
		return version;
	}

	/** Attaches {@code stage} to {@code target}, removing it from whichever version had it. */
	public static void move(Secret secret, String stage, SecretVersion target) {
		checkLabel(stage);
		SecretVersion holder = secret.versionWithStage(stage).orElse(null);
		if (holder == target) {
			return;
		}
		if (target.stages().size() >= MAX_STAGES_PER_VERSION) {
			throw tooManyLabels();
		}
		if (holder != null) {
			holder.stages().remove(stage);
		}
		target.stages().add(stage);
		if (CURRENT.equals(stage) && holder != null) {
			// The service keeps exactly one previous version: the one AWSCURRENT just left.
			secret.versionWithStage(PREVIOUS).ifPresent((v) -> v.stages().remove(PREVIOUS));
			holder.stages().add(PREVIOUS);
		}
	}

	private static ServiceError tooManyLabels() {
		return ServiceError.limitExceeded("A version can have at most " + MAX_STAGES_PER_VERSION + " staging labels.");
	}

	/** Removes {@code stage} from the version that has it, if any. */
	public static void remove(Secret secret, String stage) {
		secret.versionWithStage(stage).ifPresent((v) -> v.stages().remove(stage));
	}

	/** Removes the oldest deprecated versions while the secret has more than {@link #MAX_VERSIONS}. */
	public static void prune(Secret secret) {
		Map<String, SecretVersion> versions = secret.versions();
		Iterator<SecretVersion> oldestFirst = versions.values().iterator();
		while (versions.size() > MAX_VERSIONS && oldestFirst.hasNext()) {
			if (oldestFirst.next().deprecated()) {
				oldestFirst.remove();
			}
		}
	}

	public static void checkLabel(String stage) {
		if (stage.isEmpty() || stage.length() > 256) {
			throw ServiceError.invalidParameter("A staging label must be 1 to 256 characters long.");
		}
	}

}
