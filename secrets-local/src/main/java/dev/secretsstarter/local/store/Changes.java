package dev.secretsstarter.local.store;

import java.util.ArrayList;
import java.util.List;

import dev.secretsstarter.local.SecretChangeEvent;

/**
 * What one request changed: the events to publish once the write is applied and the lock released.
 * Confined to the thread handling the request.
 */
public final class Changes {

	private final String operation;

	private final List<SecretChangeEvent> events = new ArrayList<>();

	private boolean mutated;

	public Changes(String operation) {
		this.operation = operation;
	}

	public String operation() {
		return this.operation;
	}

	public void record(SecretChangeEvent.Type type, Secret secret) {
		this.mutated = true;
		this.events.add(new SecretChangeEvent(type, secret.name(), secret.arn(), secret.currentVersionId(),
				this.operation));
	}

	/** Records a label change as VALUE_CHANGED when AWSCURRENT moved, else STAGES_CHANGED. */
	public void stagesChanged(Secret secret, @org.jspecify.annotations.Nullable String currentBefore) {
		String currentAfter = secret.currentVersionId();
		boolean moved = (currentAfter != null) && !currentAfter.equals(currentBefore);
		record(moved ? SecretChangeEvent.Type.VALUE_CHANGED : SecretChangeEvent.Type.STAGES_CHANGED, secret);
	}

	/** Records an event recorded elsewhere first (a reset announces only what its seeding really changed). */
	public void record(SecretChangeEvent event) {
		this.mutated = true;
		this.events.add(event);
	}

	/** Marks a write that has no event of its own (e.g. an access time) as needing persistence. */
	public void touched() {
		this.mutated = true;
	}

	public boolean mutated() {
		return this.mutated;
	}

	public List<SecretChangeEvent> events() {
		return List.copyOf(this.events);
	}

}
