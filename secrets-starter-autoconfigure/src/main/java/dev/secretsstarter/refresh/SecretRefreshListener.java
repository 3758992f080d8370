package dev.secretsstarter.refresh;

/**
 * Told of every poll for changes, for metrics and logging. Beans of this type are registered
 * with the {@link SecretsRefresher} automatically. Rotations are announced separately as
 * {@link SecretRotatedEvent}s. Called on the refresher's thread; implementations must be quick
 * and should not throw (exceptions are logged and ignored).
 *
 * @author secrets-starter team
 */
@FunctionalInterface
public interface SecretRefreshListener {

	/**
	 * A poll finished.
	 * @param result what it found
	 */
	void pollCompleted(SecretPollResult result);

}
