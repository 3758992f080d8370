package dev.secretsstarter.benchmarks;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke test of the harness: a child JVM on a variant's class path starts and reports. It asserts
 * that a report arrives, never on how long anything took.
 */
class ChildProcessIntegrationTests {

	@Test
	void aBaselineChildStartsAndReportsItsStartUp() {
		Path module = Paths.get("").toAbsolutePath();
		Classpaths classpaths = Classpaths.load(module);
		ChildProcess.Result result = ChildProcess.run(classpaths.forVariant(Variant.BASELINE), List.of(),
				Variant.BASELINE.mainClass(), List.of("--logging.level.root=WARN"), Duration.ofSeconds(60));
		assertThat(result.succeeded()).as(result::failureReason).isTrue();
		assertThat(result.first()).containsKeys("ready_ms", "run_ms").containsEntry("loaded", "0");
		assertThat(Long.parseLong(result.first().get("ready_ms"))).isPositive();
	}

	@Test
	void resultLinesAreParsedAsKeyValuePairs() {
		assertThat(ChildProcess.parse("a=1 b=x:2;y:3")).containsEntry("a", "1").containsEntry("b", "x:2;y:3");
	}

}
