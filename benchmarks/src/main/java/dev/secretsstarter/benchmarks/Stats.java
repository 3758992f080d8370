package dev.secretsstarter.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Median, minimum and maximum of a sample: what every table reports (means hide the noise of a
 * shared 2-core machine; the median and the range show it).
 *
 * @param count the sample size
 * @param median the median
 * @param min the smallest value
 * @param max the largest value
 * @author secrets-starter team
 */
public record Stats(int count, double median, double min, double max) {

	/**
	 * Summarize a sample.
	 * @param values the values, not empty
	 * @return the summary
	 */
	public static Stats of(List<? extends Number> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("No values to summarize");
		}
		List<Double> sorted = new ArrayList<>(values.size());
		for (Number value : values) {
			sorted.add(value.doubleValue());
		}
		Collections.sort(sorted);
		int n = sorted.size();
		double median = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return new Stats(n, median, sorted.get(0), sorted.get(n - 1));
	}

	/**
	 * A percentile by nearest rank.
	 * @param values the values, not empty
	 * @param percentile between 0 and 100
	 * @return the value at that rank
	 */
	public static double percentile(List<? extends Number> values, double percentile) {
		List<Double> sorted = new ArrayList<>(values.size());
		for (Number value : values) {
			sorted.add(value.doubleValue());
		}
		Collections.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	/**
	 * "median (min–max)" with the given number of decimals.
	 * @param decimals decimals to print
	 * @return the formatted summary
	 */
	public String format(int decimals) {
		String pattern = "%." + decimals + "f";
		return String.format(Locale.ROOT, pattern + " (" + pattern + "–" + pattern + ")", this.median, this.min,
				this.max);
	}

}
