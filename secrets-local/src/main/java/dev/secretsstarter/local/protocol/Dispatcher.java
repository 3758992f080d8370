package dev.secretsstarter.local.protocol;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.secretsstarter.local.control.ChangePublisher;
import dev.secretsstarter.local.store.Changes;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.ServiceError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one operation atomically: under the store lock it purges expired deletions, applies the
 * operation and persists the result when it wrote something; after the lock is released it publishes
 * the change events and runs deferred work (such as starting a rotation). Thread-safe.
 */
public final class Dispatcher {

	private final Map<String, Operation> operations = new ConcurrentHashMap<>();

	private final SecretStore store;

	private final Clock clock;

	private final ChangePublisher publisher;

	private final Runnable persistence;

	private final ThreadLocal<@Nullable List<Runnable>> afterCommit = new ThreadLocal<>();

	public Dispatcher(SecretStore store, Clock clock, ChangePublisher publisher, Runnable persistence) {
		this.store = store;
		this.clock = clock;
		this.publisher = publisher;
		this.persistence = persistence;
	}

	public void register(String name, Operation operation) {
		this.operations.put(name, operation);
	}

	public boolean supports(String name) {
		return this.operations.containsKey(name);
	}

	/** Defers {@code action} until the current operation is applied and the lock released. */
	public void afterCommit(Runnable action) {
		List<Runnable> actions = this.afterCommit.get();
		if (actions == null) {
			throw new IllegalStateException("afterCommit is only available while an operation runs");
		}
		actions.add(action);
	}

	public ObjectNode invoke(String name, String region, JsonInput input) {
		Operation operation = this.operations.get(name);
		if (operation == null) {
			throw new ServiceError("UnknownOperationException", 400, "Unknown operation " + name);
		}
		Changes changes = new Changes(name);
		List<Runnable> deferred = new ArrayList<>();
		this.afterCommit.set(deferred);
		ObjectNode result;
		try {
			result = this.store.locked(() -> {
				var now = this.clock.instant();
				this.store.purgeExpired(now);
				ObjectNode response = operation.handle(new ApiCall(name, region, input, now, changes));
				if (changes.mutated()) {
					this.persistence.run();
				}
				return response;
			});
		}
		finally {
			this.afterCommit.remove();
		}
		this.publisher.publish(changes.events());
		deferred.forEach(Runnable::run);
		return result;
	}

	/**
	 * Applies a write made from code (seeding, rotation functions) with the same atomicity, persistence
	 * and events as an API call.
	 */
	public <T> T apply(String operationName, java.util.function.Function<Changes, T> write) {
		return applyAll((batch) -> write.apply(batch.changes(operationName)));
	}

	/**
	 * Applies several writes made from code as one: under one lock hold, persisted once, their events
	 * published afterwards in order. Each write records into the {@link Changes} of its own operation.
	 * As with {@link #apply}, a write that throws is neither persisted nor announced, and nothing undoes
	 * what earlier writes of the batch did: check every write first, then write.
	 */
	public <T> T applyAll(java.util.function.Function<Batch, T> writes) {
		List<Changes> all = new ArrayList<>();
		Batch batch = (operationName) -> {
			Changes changes = new Changes(operationName);
			all.add(changes);
			return changes;
		};
		T result = this.store.locked(() -> {
			T value = writes.apply(batch);
			if (all.stream().anyMatch(Changes::mutated)) {
				this.persistence.run();
			}
			return value;
		});
		all.forEach((changes) -> this.publisher.publish(changes.events()));
		return result;
	}

	/** Hands out the {@link Changes} of each write of an {@link #applyAll} batch. */
	@FunctionalInterface
	public interface Batch {

		Changes changes(String operationName);

	}

}
