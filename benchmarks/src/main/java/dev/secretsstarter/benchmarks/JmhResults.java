package dev.secretsstarter.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JMH's JSON results: for each benchmark the per-iteration scores (all forks), summarized as
 * median and range, and the allocation per operation when {@code -prof gc} ran.
 *
 * @author secrets-starter team
 */
public final class JmhResults {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private JmhResults() {
	}

	/**
	 * Read a result file.
	 * @param file the JSON file
	 * @return one entry per benchmark and thread count, empty if the file does not exist
	 */
	public static List<Entry> read(Path file) {
		List<Entry> entries = new ArrayList<>();
		if (!Files.exists(file)) {
			return entries;
		}
		JsonNode root = MAPPER.readTree(file.toFile());
		for (JsonNode benchmark : root) {
			String name = benchmark.path("benchmark").asString();
			String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
			JsonNode primary = benchmark.path("primaryMetric");
			List<Double> rawScores = raw(primary.path("rawData"));
			Stats score = Stats.of(rawScores);
			Stats alloc = null;
			JsonNode secondary = benchmark.path("secondaryMetrics");
			for (String metric : secondary.propertyNames()) {
				if (metric.endsWith("gc.alloc.rate.norm")) {
					List<Double> values = raw(secondary.path(metric).path("rawData"));
					alloc = values.isEmpty() ? null : Stats.of(values);
				}
			}
			entries.add(new Entry(shortName, benchmark.path("mode").asString(), benchmark.path("threads").asInt(),
					score, rawScores, primary.path("scoreUnit").asString(), alloc));
		}
		return entries;
	}

	private static List<Double> raw(JsonNode rawData) {
		List<Double> values = new ArrayList<>();
		for (JsonNode fork : rawData) {
			for (JsonNode iteration : fork) {
				values.add(iteration.asDouble());
			}
		}
		return values;
	}

	/**
	 * One benchmark's result.
	 *
	 * @param name {@code Class.method}
	 * @param mode the JMH mode
	 * @param threads the thread count
	 * @param score the primary score over iterations
	 * @param rawScores every measured iteration's score
	 * @param unit the score's unit
	 * @param allocation bytes allocated per operation, or {@code null} without {@code -prof gc}
	 */
	public record Entry(String name, String mode, int threads, Stats score, List<Double> rawScores, String unit,
			@org.jspecify.annotations.Nullable Stats allocation) {

	}

}
