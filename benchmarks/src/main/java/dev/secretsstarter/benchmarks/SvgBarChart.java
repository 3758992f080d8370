package dev.secretsstarter.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small grouped bar chart as SVG (bars at the median, whiskers from minimum to maximum), enough
 * for the benchmark page without a charting dependency. Not thread-safe; build, then render.
 *
 * @author secrets-starter team
 */
public final class SvgBarChart {

	private static final String[] COLOURS = { "#8c8c8c", "#d95f02", "#1b9e77", "#7570b3" };

	private static final int WIDTH = 720;

	private static final int HEIGHT = 360;

	private static final int LEFT = 70;

	private static final int RIGHT = 20;

	private static final int TOP = 40;

	private static final int BOTTOM = 70;

	private final String title;

	private final String yLabel;

	private final List<String> groups;

	private final Map<String, Map<String, Stats>> series = new LinkedHashMap<>();

	/**
	 * A chart.
	 * @param title the title
	 * @param yLabel the y axis label, with unit
	 * @param groups the x groups, in order
	 */
	public SvgBarChart(String title, String yLabel, List<String> groups) {
		this.title = title;
		this.yLabel = yLabel;
		this.groups = new ArrayList<>(groups);
	}

	/**
	 * Add a bar.
	 * @param seriesName the series (legend entry)
	 * @param group the x group
	 * @param value its median and range
	 * @return this chart
	 */
	public SvgBarChart bar(String seriesName, String group, Stats value) {
		this.series.computeIfAbsent(seriesName, (key) -> new LinkedHashMap<>()).put(group, value);
		return this;
	}

	/**
	 * Render.
	 * @return the SVG document
	 */
	public String render() {
		double max = 0;
		for (Map<String, Stats> bars : this.series.values()) {
			for (Stats stats : bars.values()) {
				max = Math.max(max, stats.max());
			}
		}
		double top = niceCeiling(max);
		int plotWidth = WIDTH - LEFT - RIGHT;
		int plotHeight = HEIGHT - TOP - BOTTOM;
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
						+ "font-family=\"sans-serif\" font-size=\"12\">%n",
				WIDTH, HEIGHT, WIDTH, HEIGHT));
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		svg.append(text(WIDTH / 2.0, 22, "middle", 15, escape(this.title)));
		for (int tick = 0; tick <= 5; tick++) {
			double value = top * tick / 5;
			double y = TOP + plotHeight - plotHeight * tick / 5.0;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>%n", LEFT, y,
					WIDTH - RIGHT, y));
			svg.append(text(LEFT - 6, y + 4, "end", 11, format(value)));
		}
		svg.append(String.format(Locale.ROOT,
				"<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
				TOP + plotHeight / 2.0, TOP + plotHeight / 2.0, escape(this.yLabel)));
		int seriesCount = Math.max(1, this.series.size());
		double groupWidth = plotWidth / (double) Math.max(1, this.groups.size());
		double barWidth = groupWidth * 0.8 / seriesCount;
		int s = 0;
		for (Map.Entry<String, Map<String, Stats>> entry : this.series.entrySet()) {
			String colour = COLOURS[s % COLOURS.length];
			for (int g = 0; g < this.groups.size(); g++) {
				Stats stats = entry.getValue().get(this.groups.get(g));
				if (stats == null) {
					continue;
				}
				double x = LEFT + g * groupWidth + groupWidth * 0.1 + s * barWidth;
				double h = plotHeight * stats.median() / top;
				double y = TOP + plotHeight - h;
				svg.append(String.format(Locale.ROOT,
						"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>%n",
						x, y, barWidth - 2, h, colour, escape(entry.getKey()), escape(this.groups.get(g)),
						format(stats.median())));
				double cx = x + (barWidth - 2) / 2;
				double yMin = TOP + plotHeight - plotHeight * stats.min() / top;
				double yMax = TOP + plotHeight - plotHeight * stats.max() / top;
				svg.append(String.format(Locale.ROOT,
						"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n", cx, yMin, cx,
						yMax));
				svg.append(text(cx, y - 4 - Math.max(0, y - yMax), "middle", 10, format(stats.median())));
			}
			double lx = LEFT + s * 170;
			double ly = HEIGHT - 18;
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", lx, ly - 10, colour));
			svg.append(text(lx + 16, ly, "start", 12, escape(entry.getKey())));
			s++;
		}
		for (int g = 0; g < this.groups.size(); g++) {
			svg.append(text(LEFT + g * groupWidth + groupWidth / 2, TOP + plotHeight + 18, "middle", 12,
					escape(this.groups.get(g))));
		}
		svg.append(String.format(Locale.ROOT,
				"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP + plotHeight,
				WIDTH - RIGHT, TOP + plotHeight));
		svg.append("</svg>\n");
		return svg.toString();
	}

	private static String text(double x, double y, String anchor, int size, String content) {
		return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
				x, y, anchor, size, content);
	}

	private static double niceCeiling(double max) {
		if (max <= 0) {
			return 1;
		}
		double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * magnitude >= max) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static String format(double value) {
		return (Math.abs(value) >= 100 || value == Math.rint(value)) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.2f", value);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
