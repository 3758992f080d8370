package dev.secretsstarter.local.control;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.secretsstarter.local.SecretChangeEvent;
import dev.secretsstarter.local.SecretChangeListener;

/**
 * Delivers change events to listeners, isolating them from each other and from the write. Thread-safe.
 */
public final class ChangePublisher {

	private static final System.Logger logger = System.getLogger(ChangePublisher.class.getName());

	private final List<SecretChangeListener> listeners = new CopyOnWriteArrayList<>();

	public void add(SecretChangeListener listener) {
		this.listeners.add(listener);
	}

	public void remove(SecretChangeListener listener) {
		this.listeners.remove(listener);
	}

	/** Must be called without holding the store lock, so listeners may call back into the server. */
	public void publish(List<SecretChangeEvent> events) {
		for (SecretChangeEvent event : events) {
			for (SecretChangeListener listener : this.listeners) {
				try {
					listener.onChange(event);
				}
				catch (RuntimeException ex) {
					// Events carry no values, so the listener's own exception is safe to log.
					logger.log(System.Logger.Level.WARNING, "Secret change listener failed for " + event.name(), ex);
				}
			}
		}
	}

}
