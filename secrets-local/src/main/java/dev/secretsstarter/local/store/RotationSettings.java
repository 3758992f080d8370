package dev.secretsstarter.local.store;

import org.jspecify.annotations.Nullable;

/**
 * A secret's {@code RotationRules}. Immutable.
 *
 * @param automaticallyAfterDays days between rotations, if set that way
 * @param scheduleExpression a {@code rate(...)} or {@code cron(...)} expression, if set that way
 * @param duration the rotation window, e.g. {@code 2h}
 */
public record RotationSettings(@Nullable Long automaticallyAfterDays, @Nullable String scheduleExpression,
		@Nullable String duration) {

}
