package dev.secretsstarter.local.rotation;

import java.time.Instant;

import dev.secretsstarter.local.store.RotationSettings;
import dev.secretsstarter.local.store.ServiceError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class CronScheduleTests {

	@Test
	void dayOfMonthListMatchesLaterTheSameDay() {
		assertThat(next("cron(0 16 1,15 * ? *)", "2026-01-01T00:00:00Z")).isEqualTo("2026-01-01T16:00:00Z");
	}

	@Test
	void dayOfMonthListMovesOnToTheNextListedDay() {
		assertThat(next("cron(0 16 1,15 * ? *)", "2026-01-01T16:00:00Z")).isEqualTo("2026-01-15T16:00:00Z");
	}

	@Test
	void weekdayRangeSkipsTheWeekend() {
		// 2026-01-02 is a Friday
		assertThat(next("cron(0 8 ? * MON-FRI *)", "2026-01-02T09:00:00Z")).isEqualTo("2026-01-05T08:00:00Z");
	}

	@Test
	void numericDayOfWeekCountsFromSunday() {
		// 2 = MON
		assertThat(next("cron(0 8 ? * 2 *)", "2026-01-02T09:00:00Z")).isEqualTo("2026-01-05T08:00:00Z");
	}

	@Test
	void lastDayOfMonthIsTheTwentyEighthOfFebruaryInACommonYear() {
		assertThat(next("cron(0 0 L * ? *)", "2026-02-01T00:00:00Z")).isEqualTo("2026-02-28T00:00:00Z");
	}

	@Test
	void lastDayOfMonthIsTheTwentyNinthOfFebruaryInALeapYear() {
		assertThat(next("cron(0 0 L * ? *)", "2028-02-01T00:00:00Z")).isEqualTo("2028-02-29T00:00:00Z");
	}

	@Test
	void hashSelectsTheFirstMondayOfTheMonth() {
		// 2026-02-01 is a Sunday
		assertThat(next("cron(0 12 ? * MON#1 *)", "2026-01-06T00:00:00Z")).isEqualTo("2026-02-02T12:00:00Z");
	}

	@Test
	void hourIncrementRunsEverySixHours() {
		assertThat(next("cron(0 */6 * * ? *)", "2026-01-01T07:30:00Z")).isEqualTo("2026-01-01T12:00:00Z");
		assertThat(next("cron(0 */6 * * ? *)", "2026-01-01T12:00:00Z")).isEqualTo("2026-01-01T18:00:00Z");
	}

	@Test
	void hourIncrementWrapsToMidnightOfTheNextDay() {
		assertThat(next("cron(0 */6 * * ? *)", "2026-01-01T18:00:00Z")).isEqualTo("2026-01-02T00:00:00Z");
	}

	@Test
	void monthListSkipsUnlistedMonths() {
		assertThat(next("cron(0 0 1 JAN,JUL ? *)", "2026-01-01T00:00:00Z")).isEqualTo("2026-07-01T00:00:00Z");
	}

	@Test
	void yearOutsideTheListHasNoNextRotation() {
		assertThat(Schedules.next(cron("cron(0 0 1 * ? 2020)"), Instant.parse("2026-01-01T00:00:00Z"))).isNull();
	}

	@Test
	void rateExpressionStillAddsTheInterval() {
		assertThat(Schedules.next(new RotationSettings(null, "rate(4 hours)", null), Instant.parse("2026-01-01T00:00:00Z")))
			.isEqualTo("2026-01-01T04:00:00Z");
	}

	@Test
	void validateAcceptsWellFormedCron() {
		assertThatNoException().isThrownBy(() -> Schedules.validate(cron("cron(0 12 ? * MON#1,FRI 2026-2030)")));
	}

	@Test
	void validateRejectsWrongFieldCount() {
		assertInvalid("cron(0 12 * * ?)", "6 fields");
	}

	@Test
	void validateRejectsBothDayFieldsQuestionMark() {
		assertInvalid("cron(0 12 ? * ? *)", "exactly one of Day-of-month and Day-of-week");
	}

	@Test
	void validateRejectsNeitherDayFieldQuestionMark() {
		assertInvalid("cron(0 12 1 * MON *)", "exactly one of Day-of-month and Day-of-week");
	}

	@Test
	void validateRejectsOutOfRangeHour() {
		assertInvalid("cron(0 24 * * ? *)", "Hours value 24 is out of range");
	}

	@Test
	void validateRejectsUnknownDayName() {
		assertInvalid("cron(0 12 ? * FUNDAY *)", "Day-of-week value 'FUNDAY' is not valid");
	}

	private static void assertInvalid(String expression, String problem) {
		assertThatExceptionOfType(ServiceError.class).isThrownBy(() -> Schedules.validate(cron(expression)))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("InvalidParameterException"))
			.withMessageContaining(problem);
	}

	private static Instant next(String expression, String from) {
		return CronSchedule.parse(expression).next(Instant.parse(from));
	}

	private static RotationSettings cron(String expression) {
		return new RotationSettings(null, expression, null);
	}

}
