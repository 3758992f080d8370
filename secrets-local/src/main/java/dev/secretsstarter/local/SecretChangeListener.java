package dev.secretsstarter.local;

/**
 * Notified after a write to a secret has been applied (and persisted, when persistence is on).
 *
 * <p>Listeners are called outside the server's locks, on the thread that applied the write (an HTTP
 * worker or a rotation thread); they may call back into the server. A listener that throws does not
 * affect the write nor the other listeners. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SecretChangeListener {

	/**
	 * Called once per applied change.
	 * @param event what changed; never carries a secret value
	 */
	void onChange(SecretChangeEvent event);

}
