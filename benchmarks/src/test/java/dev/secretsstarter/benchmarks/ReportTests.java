package dev.secretsstarter.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTests {

	@TempDir
	Path dir;

	@Test
	void startUpIsReportedAsPairedDifferencesFromTheBaseline() throws IOException {
		List<Map<String, String>> rows = new ArrayList<>();
		for (int round = 1; round <= 3; round++) {
			rows.add(row(100, round, "BASELINE", 1000 + round, 0));
			rows.add(row(100, round, "SPRING_CLOUD_AWS", 2900 + round, 100));
			rows.add(row(100, round, "OURS", 1500 + round, 5));
		}
		Csv.write(this.dir.resolve("results").resolve(StartupBenchmark.RESULTS), StartupBenchmark.COLUMNS, rows);
		new Report(this.dir.resolve("results"), this.dir.resolve("docs")).write();
		String page = Files.readString(this.dir.resolve("docs/benchmarks.md"));
		assertThat(page).contains("| 100 | 1002 (1001–1003) | 2902 (2901–2903) | 1502 (1501–1503) | 1900 (1900–1900) | 500 (500–500) |");
		assertThat(page).contains("N = 100: secrets-starter adds 0.26× the start-up time Spring Cloud AWS adds (target ≤ 1/3 of its added start-up: met)");
		assertThat(page).contains("N = 100: secrets-starter makes 0.05× Spring Cloud AWS's API calls (target ≤ 1/10: met)");
		assertThat(this.dir.resolve("docs").resolve(Report.STARTUP_CHART)).exists();
	}

	@Test
	void aSuiteWithoutResultsSaysSoAndWhy() throws IOException {
		Notes notes = new Notes();
		notes.add("steady", "our refresh machinery has not landed");
		notes.save(this.dir.resolve("results"), "steady");
		new Report(this.dir.resolve("results"), this.dir.resolve("docs")).write();
		String page = Files.readString(this.dir.resolve("docs/benchmarks.md"));
		assertThat(page).contains("_Not measured yet._").contains("- our refresh machinery has not landed");
	}

	private static Map<String, String> row(int n, int round, String variant, long readyMs, long calls) {
		return Map.of("n", String.valueOf(n), "round", String.valueOf(round), "variant", variant, "ready_ms",
				String.valueOf(readyMs), "cpu_ms", String.valueOf(readyMs * 2), "classes", "5000", "loaded",
				String.valueOf(n), "api_calls", String.valueOf(calls), "calls_by_operation", "");
	}

}
