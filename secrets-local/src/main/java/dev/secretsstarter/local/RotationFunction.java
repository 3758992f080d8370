package dev.secretsstarter.local;

/**
 * What a rotation Lambda does, as plain Java: the four steps Secrets Manager invokes.
 *
 * <p>Register one under a Lambda ARN ({@link LocalSecretsManager#registerRotationFunction}); a
 * {@code RotateSecret} naming that ARN then runs {@code createSecret → setSecret → testSecret →
 * finishSecret}. A step that throws stops the rotation and leaves the labels as they are, like the
 * service does. Steps of one rotation run sequentially on one thread; different secrets may rotate
 * concurrently, so implementations must be thread-safe. See {@link AbstractRotationFunction} for a
 * base with the usual {@code finishSecret}.
 */
public interface RotationFunction {

	/**
	 * Creates the new version: typically reads AWSCURRENT and puts a value labelled AWSPENDING under
	 * {@link RotationContext#clientRequestToken()}.
	 * @param context the rotation in progress
	 */
	void createSecret(RotationContext context);

	/**
	 * Applies the pending value to the protected resource (e.g. {@code ALTER USER} in a database).
	 * @param context the rotation in progress
	 */
	void setSecret(RotationContext context);

	/**
	 * Checks the pending value works against the protected resource.
	 * @param context the rotation in progress
	 */
	void testSecret(RotationContext context);

	/**
	 * Makes the pending version current.
	 * @param context the rotation in progress
	 */
	void finishSecret(RotationContext context);

}
