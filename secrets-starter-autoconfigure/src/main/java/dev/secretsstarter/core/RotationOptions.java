package dev.secretsstarter.core;

import org.jspecify.annotations.Nullable;

/**
 * How {@link SecretsOperations#rotate(String, RotationOptions)} configures rotation. Unset values
 * keep the secret's current configuration.
 * <p>
 * Immutable and thread-safe.
 *
 * <pre class="code">
 * operations.rotate("db/credentials", RotationOptions.everyDays(30).lambdaArn(arn));
 * </pre>
 *
 * @param lambdaArn the rotation function, or {@code null} to keep the current one
 * @param automaticallyAfterDays days between rotations, or {@code null}
 * @param scheduleExpression a {@code rate()} or {@code cron()} schedule, or {@code null}
 * @param windowDuration the rotation window, for example {@code 3h}, or {@code null}
 * @param rotateImmediately whether to rotate now (the service's default), or {@code null}
 * @author secrets-starter team
 */
public record RotationOptions(@Nullable String lambdaArn, @Nullable Long automaticallyAfterDays,
		@Nullable String scheduleExpression, @Nullable String windowDuration, @Nullable Boolean rotateImmediately) {

	/**
	 * Keep the current configuration.
	 * @return the options
	 */
	public static RotationOptions unchanged() {
		return new RotationOptions(null, null, null, null, null);
	}

	/**
	 * Rotate every number of days.
	 * @param days the days between rotations
	 * @return the options
	 */
	public static RotationOptions everyDays(long days) {
		return new RotationOptions(null, days, null, null, null);
	}

	/**
	 * Rotate on a schedule.
	 * @param expression a {@code rate()} or {@code cron()} expression
	 * @return the options
	 */
	public static RotationOptions schedule(String expression) {
		return new RotationOptions(null, null, expression, null, null);
	}

	/**
	 * These options with a rotation function.
	 * @param lambdaArn the function's ARN
	 * @return new options
	 */
	public RotationOptions lambdaArn(String lambdaArn) {
		return new RotationOptions(lambdaArn, this.automaticallyAfterDays, this.scheduleExpression,
				this.windowDuration, this.rotateImmediately);
	}

	/**
	 * These options with a rotation window.
	 * @param duration the window, for example {@code 3h}
	 * @return new options
	 */
	public RotationOptions windowDuration(String duration) {
		return new RotationOptions(this.lambdaArn, this.automaticallyAfterDays, this.scheduleExpression, duration,
				this.rotateImmediately);
	}

	/**
	 * These options with whether to rotate now.
	 * @param rotateImmediately whether to rotate now or at the next scheduled time
	 * @return new options
	 */
	public RotationOptions rotateImmediately(boolean rotateImmediately) {
		return new RotationOptions(this.lambdaArn, this.automaticallyAfterDays, this.scheduleExpression,
				this.windowDuration, rotateImmediately);
	}

	boolean hasRules() {
		return this.automaticallyAfterDays != null || this.scheduleExpression != null || this.windowDuration != null;
	}

}
