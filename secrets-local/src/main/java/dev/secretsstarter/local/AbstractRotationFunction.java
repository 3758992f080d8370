package dev.secretsstarter.local;

/**
 * A base for rotation functions: {@code finishSecret} moves AWSCURRENT to the pending version (as AWS's
 * template Lambdas do) and {@code setSecret} / {@code testSecret} do nothing unless overridden.
 * Stateless, so thread-safe as long as subclasses are.
 */
public abstract class AbstractRotationFunction implements RotationFunction {

	@Override
	public void setSecret(RotationContext context) {
	}

	@Override
	public void testSecret(RotationContext context) {
	}

	@Override
	public void finishSecret(RotationContext context) {
		if (!context.currentVersionId().equals(java.util.Optional.of(context.clientRequestToken()))) {
			context.makePendingCurrent();
		}
	}

}
