package dev.secretsstarter.local.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.secretsstarter.local.store.RotationSettings;
import dev.secretsstarter.local.store.ServiceError;
import org.jspecify.annotations.Nullable;

/**
 * Computes the next rotation date from RotationRules. {@code rate(N days|hours)} and
 * AutomaticallyAfterDays add their interval to the given instant. A {@code cron(...)} expression is
 * evaluated in UTC as Secrets Manager does (see {@link CronSchedule}): the next rotation is the first
 * matching minute strictly after the given instant, or {@code null} if none falls within about five
 * years. Stateless.
 */
public final class Schedules {

	private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(day|days|hour|hours)\\)");

	private Schedules() {
	}

	public static void validate(RotationSettings rules) {
		if (rules.automaticallyAfterDays() != null && rules.scheduleExpression() != null) {
			throw ServiceError.invalidParameter("Specify AutomaticallyAfterDays or ScheduleExpression, not both.");
		}
		Long days = rules.automaticallyAfterDays();
		if (days != null && (days < 1 || days > 1000)) {
			throw ServiceError.invalidParameter("AutomaticallyAfterDays must be between 1 and 1000.");
		}
		String expression = rules.scheduleExpression();
		if (expression == null || RATE.matcher(expression).matches()) {
			return;
		}
		if (!expression.startsWith("cron(")) {
			throw ServiceError.invalidParameter("ScheduleExpression must be rate(N days), rate(N hours) or cron(...).");
		}
		try {
			CronSchedule.parse(expression);
		}
		catch (IllegalArgumentException ex) {
			throw ServiceError.invalidParameter("Invalid ScheduleExpression " + expression + ": " + ex.getMessage() + ".");
		}
	}

	public static @Nullable Instant next(@Nullable RotationSettings rules, Instant from) {
		String expression = (rules != null) ? rules.scheduleExpression() : null;
		if (rules != null && rules.automaticallyAfterDays() == null && expression != null
				&& expression.startsWith("cron(")) {
			try {
				return CronSchedule.parse(expression).next(from);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		Duration interval = interval(rules);
		return (interval != null) ? from.plus(interval) : null;
	}

	static @Nullable Duration interval(@Nullable RotationSettings rules) {
		if (rules == null) {
			return null;
		}
		if (rules.automaticallyAfterDays() != null) {
			return Duration.ofDays(rules.automaticallyAfterDays());
		}
		String expression = rules.scheduleExpression();
		if (expression == null) {
			return null;
		}
		Matcher rate = RATE.matcher(expression);
		if (rate.matches()) {
			long amount = Long.parseLong(rate.group(1));
			return rate.group(2).startsWith("day") ? Duration.ofDays(amount) : Duration.ofHours(amount);
		}
		return null;
	}

}
