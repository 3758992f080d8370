package dev.secretsstarter.local.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Every secret, by region and name, behind one lock. One lock is deliberate: the data is small, each
 * critical section is short, and a single lock makes label moves, replication and persistence
 * trivially atomic. All access to store types must happen inside {@link #locked(Supplier)}.
 */
public final class SecretStore {

	private final ReentrantLock lock = new ReentrantLock();

	private final Map<String, Map<String, Secret>> regions = new LinkedHashMap<>();

	private final String accountId;

	public SecretStore(String accountId) {
		this.accountId = accountId;
	}

	public String accountId() {
		return this.accountId;
	}

	/** Runs {@code action} holding the lock. */
	public <T> T locked(Supplier<T> action) {
		this.lock.lock();
		try {
			return action.get();
		}
		finally {
			this.lock.unlock();
		}
	}

	public boolean heldByCurrentThread() {
		return this.lock.isHeldByCurrentThread();
	}

	public Optional<Secret> find(String region, String secretId) {
		Map<String, Secret> secrets = this.regions.getOrDefault(region, Map.of());
		if (!secretId.startsWith("arn:")) {
			return Optional.ofNullable(secrets.get(secretId));
		}
		return secrets.values().stream().filter((s) -> Arns.matches(s, secretId)).findFirst();
	}

	/** @throws ServiceError ResourceNotFoundException when there is no such secret */
	public Secret require(String region, String secretId) {
		return find(region, secretId).orElseThrow(() -> ServiceError.notFound(secretId));
	}

	/** @return the secret, refusing writes to one scheduled for deletion or to a replica */
	public Secret requireWritable(String region, String secretId) {
		Secret secret = require(region, secretId);
		if (secret.markedForDeletion()) {
			throw ServiceError.markedForDeletion(secret.name());
		}
		requirePrimary(secret);
		return secret;
	}

	public static void requirePrimary(Secret secret) {
		if (secret.isReplica()) {
			throw ServiceError.invalidRequest("Operation is not permitted on a replica secret. Call it in the primary Region "
					+ secret.primary().region() + ". (" + secret.name() + ")");
		}
	}

	/** @return the secrets of a region in creation order (a copy) */
	public List<Secret> all(String region) {
		return new ArrayList<>(this.regions.getOrDefault(region, Map.of()).values());
	}

	/** @return every secret of every region (a copy) */
	public List<Secret> all() {
		List<Secret> all = new ArrayList<>();
		this.regions.values().forEach((secrets) -> all.addAll(secrets.values()));
		return all;
	}

	public void add(Secret secret) {
		this.regions.computeIfAbsent(secret.region(), (r) -> new LinkedHashMap<>()).put(secret.name(), secret);
	}

	public void remove(Secret secret) {
		Map<String, Secret> secrets = this.regions.get(secret.region());
		if (secrets != null) {
			secrets.remove(secret.name());
		}
	}

	/** Purges the secrets whose recovery window has passed; @return the purged secrets */
	public Collection<Secret> purgeExpired(Instant now) {
		List<Secret> purged = new ArrayList<>();
		for (Secret secret : all()) {
			Instant due = secret.deletionDate();
			if (due != null && !due.isAfter(now)) {
				remove(secret);
				purged.add(secret);
			}
		}
		return purged;
	}

	public void clear() {
		this.regions.clear();
	}

}
