package dev.secretsstarter.inject;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;

/**
 * Secrets held in a map for context-runner tests of the wiring; the integration tests use
 * secrets-local through the real SDK instead. Only AWSCURRENT is modelled, plus fixed versions.
 */
final class InMemorySecrets {

	private final Map<String, SecretSnapshot> current = new ConcurrentHashMap<>();

	private final Map<String, SecretSnapshot> versions = new ConcurrentHashMap<>();

	final AtomicInteger fetches = new AtomicInteger();

	InMemorySecrets put(String name, String value) {
		store(SecretSnapshot.ofString(name, "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + name,
				UUID.randomUUID().toString(), Set.of(SecretKey.AWSCURRENT), Instant.now(), Instant.now(), value));
		return this;
	}

	InMemorySecrets putBinary(String name, byte[] value) {
		store(SecretSnapshot.ofBinary(name, "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + name,
				UUID.randomUUID().toString(), Set.of(SecretKey.AWSCURRENT), Instant.now(), Instant.now(), value));
		return this;
	}

	private void store(SecretSnapshot snapshot) {
		this.current.put(snapshot.name(), snapshot);
		this.versions.put(snapshot.versionId(), snapshot);
	}

	String versionOf(String name) {
		return this.current.get(name).versionId();
	}

	SecretSnapshot fetch(SecretKey key) {
		this.fetches.incrementAndGet();
		SecretSnapshot found = (key.versionId() != null) ? this.versions.get(key.versionId())
				: SecretKey.AWSCURRENT.equals(key.versionStage()) ? this.current.get(key.secretId()) : null;
		if (found == null || !found.name().equals(key.secretId())) {
			throw ResourceNotFoundException.builder()
				.message("Secrets Manager can't find the specified secret.")
				.build();
		}
		return found;
	}

}
