package dev.secretsstarter.local.ops;

import dev.secretsstarter.local.protocol.Dispatcher;
import dev.secretsstarter.local.rotation.RotationEngine;
import dev.secretsstarter.local.store.SecretStore;

/**
 * Registers every API operation with a {@link Dispatcher}: the one place that lists what the server
 * emulates. Stateless.
 */
public final class Operations {

	private Operations() {
	}

	public static void registerAll(SecretStore store, RotationEngine rotation, Dispatcher dispatcher) {
		new ValueOperations(store).register(dispatcher);
		new StageOperations(store).register(dispatcher);
		new LifecycleOperations(store).register(dispatcher);
		new ListOperations(store).register(dispatcher);
		new TagOperations(store).register(dispatcher);
		new PolicyOperations(store).register(dispatcher);
		new ReplicationOperations(store).register(dispatcher);
		new PasswordOperations().register(dispatcher);
		new RotationOperations(store, rotation, dispatcher).register(dispatcher);
	}

}
