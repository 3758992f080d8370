package dev.secretsstarter.local.rotation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An AWS Secrets Manager {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)} expression,
 * evaluated in UTC. Supports numbers, {@code *}, {@code ?} (in exactly one of day-of-month and
 * day-of-week), lists ({@code 1,15}), ranges ({@code 1-5}, {@code MON-FRI}), increments ({@code *}{@code /2},
 * {@code 1/4}), month names {@code JAN}-{@code DEC}, day names {@code SUN}-{@code SAT} (1 = SUN ... 7 =
 * SAT), {@code L} in day-of-month (last day of the month) and {@code #} in day-of-week ({@code MON#1},
 * the first Monday). Parse once with {@link #parse(String)}, then call {@link #next(Instant)}. Immutable.
 */
final class CronSchedule {

	private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)", Pattern.DOTALL);

	private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
			"SEP", "OCT", "NOV", "DEC");

	private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

	private static final int SEARCH_YEARS = 5;

	private final BitSet minutes;

	private final BitSet hours;

	private final @Nullable BitSet daysOfMonth;

	private final boolean lastDayOfMonth;

	private final BitSet months;

	private final @Nullable BitSet daysOfWeek;

	private final List<int[]> nthDaysOfWeek;

	private final BitSet years;

	private CronSchedule(BitSet minutes, BitSet hours, @Nullable BitSet daysOfMonth, boolean lastDayOfMonth,
			BitSet months, @Nullable BitSet daysOfWeek, List<int[]> nthDaysOfWeek, BitSet years) {
		this.minutes = minutes;
		this.hours = hours;
		this.daysOfMonth = daysOfMonth;
		this.lastDayOfMonth = lastDayOfMonth;
		this.months = months;
		this.daysOfWeek = daysOfWeek;
		this.nthDaysOfWeek = nthDaysOfWeek;
		this.years = years;
	}

	/**
	 * Parses a {@code cron(...)} expression.
	 * @param expression the whole expression, including {@code cron(} and {@code )}
	 * @return the schedule
	 * @throws IllegalArgumentException naming the problem if the expression is malformed
	 */
	static CronSchedule parse(String expression) {
		Matcher matcher = CRON.matcher(expression.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("a cron expression must have the form cron(...)");
		}
		String body = matcher.group(1).trim();
		String[] fields = body.isEmpty() ? new String[0] : body.split("\\s+");
		if (fields.length != 6) {
			throw new IllegalArgumentException("expected 6 fields (Minutes Hours Day-of-month Month Day-of-week Year) but found "
					+ fields.length);
		}
		boolean domAny = fields[2].equals("?");
		boolean dowAny = fields[4].equals("?");
		if (domAny == dowAny) {
			throw new IllegalArgumentException(
					"exactly one of Day-of-month and Day-of-week must be '?'");
		}
		BitSet minutes = parseField("Minutes", fields[0], 0, 59, List.of(), 0);
		BitSet hours = parseField("Hours", fields[1], 0, 23, List.of(), 0);
		BitSet months = parseField("Month", fields[3], 1, 12, MONTHS, 1);
		BitSet years = parseField("Year", fields[5], 1970, 2199, List.of(), 0);
		BitSet daysOfMonth = null;
		boolean lastDay = false;
		if (!domAny) {
			daysOfMonth = new BitSet();
			List<String> plain = new ArrayList<>();
			for (String part : fields[2].split(",", -1)) {
				if (part.equalsIgnoreCase("L")) {
					lastDay = true;
				}
				else {
					plain.add(part);
				}
			}
			if (!plain.isEmpty()) {
				daysOfMonth = parseField("Day-of-month", String.join(",", plain), 1, 31, List.of(), 0);
			}
		}
		BitSet daysOfWeek = null;
		List<int[]> nth = new ArrayList<>();
		if (!dowAny) {
			daysOfWeek = new BitSet();
			List<String> plain = new ArrayList<>();
			for (String part : fields[4].split(",", -1)) {
				int hash = part.indexOf('#');
				if (hash >= 0) {
					int day = value("Day-of-week", part.substring(0, hash), 1, 7, DAYS, 1);
					int occurrence = value("Day-of-week", part.substring(hash + 1), 1, 5, List.of(), 0);
					nth.add(new int[] { day, occurrence });
				}
				else {
					plain.add(part);
				}
			}
			if (!plain.isEmpty()) {
				daysOfWeek = parseField("Day-of-week", String.join(",", plain), 1, 7, DAYS, 1);
			}
		}
		return new CronSchedule(minutes, hours, daysOfMonth, lastDay, months, daysOfWeek, List.copyOf(nth), years);
	}

	private static BitSet parseField(String name, String field, int min, int max, List<String> names,
			int firstNameValue) {
		BitSet values = new BitSet();
		for (String part : field.split(",", -1)) {
			if (part.isEmpty()) {
				throw new IllegalArgumentException(name + " has an empty list element in '" + field + "'");
			}
			String range = part;
			int step = 1;
			int slash = part.indexOf('/');
			if (slash >= 0) {
				range = part.substring(0, slash);
				step = value(name + " increment", part.substring(slash + 1), 1, max - min + 1, List.of(), 0);
			}
			int start;
			int end;
			if (range.equals("*")) {
				start = min;
				end = max;
			}
			else {
				int dash = range.indexOf('-');
				if (dash >= 0) {
					start = value(name, range.substring(0, dash), min, max, names, firstNameValue);
					end = value(name, range.substring(dash + 1), min, max, names, firstNameValue);
					if (start > end) {
						throw new IllegalArgumentException(name + " range '" + range + "' runs backwards");
					}
				}
				else {
					start = value(name, range, min, max, names, firstNameValue);
					end = (slash >= 0) ? max : start;
				}
			}
			for (int v = start; v <= end; v += step) {
				values.set(v);
			}
		}
		return values;
	}

	private static int value(String name, String text, int min, int max, List<String> names, int firstNameValue) {
		int index = names.indexOf(text.toUpperCase(Locale.ROOT));
		if (index >= 0) {
			return firstNameValue + index;
		}
		int value;
		try {
			value = Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " value '" + text + "' is not valid");
		}
		if (value < min || value > max) {
			throw new IllegalArgumentException(
					name + " value " + value + " is out of range (" + min + "-" + max + ")");
		}
		return value;
	}

	/**
	 * Returns the first matching minute strictly after the given instant, searching at most about five
	 * years ahead.
	 * @param after the instant to search from (exclusive)
	 * @return the next matching instant, or {@code null} if there is none within the search window
	 */
	@Nullable Instant next(Instant after) {
		LocalDateTime start = LocalDateTime.ofInstant(after, ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MINUTES)
			.plusMinutes(1);
		LocalDate firstDay = start.toLocalDate();
		LocalDate limit = firstDay.plusYears(SEARCH_YEARS);
		for (LocalDate day = firstDay; !day.isAfter(limit); day = day.plusDays(1)) {
			if (!matches(day)) {
				continue;
			}
			boolean sameDay = day.equals(firstDay);
			int hour = hours.nextSetBit(sameDay ? start.getHour() : 0);
			for (; hour >= 0; hour = hours.nextSetBit(hour + 1)) {
				boolean sameHour = sameDay && hour == start.getHour();
				int minute = minutes.nextSetBit(sameHour ? start.getMinute() : 0);
				if (minute >= 0) {
					return day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
				}
			}
		}
		return null;
	}

	private boolean matches(LocalDate day) {
		if (!years.get(day.getYear()) || !months.get(day.getMonthValue())) {
			return false;
		}
		if (this.daysOfWeek == null) {
			return (this.daysOfMonth != null && this.daysOfMonth.get(day.getDayOfMonth()))
					|| (this.lastDayOfMonth && day.getDayOfMonth() == day.lengthOfMonth());
		}
		int dayOfWeek = day.getDayOfWeek().getValue() % 7 + 1;
		if (this.daysOfWeek.get(dayOfWeek)) {
			return true;
		}
		int occurrence = (day.getDayOfMonth() - 1) / 7 + 1;
		for (int[] nth : this.nthDaysOfWeek) {
			if (nth[0] == dayOfWeek && nth[1] == occurrence) {
				return true;
			}
		}
		return false;
	}

}
