package dev.secretsstarter.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import dev.secretsstarter.local.LocalSecretsManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Embedded secrets-local start-up (build, bind a free port, stop), single-shot: the first start
 * in a fresh JVM ({@link #coldStart}, one shot per fork) and a start in a JVM that already ran one
 * ({@link #warmStart}), which is what the second test class of a build pays.
 *
 * @author secrets-starter team
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LocalServerStartBenchmark {

	@Benchmark
	@Warmup(iterations = 0)
	@Measurement(iterations = 1)
	@Fork(5)
	public int coldStart() {
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start()) {
			return server.port();
		}
	}

	@Benchmark
	@Warmup(iterations = 5)
	@Measurement(iterations = 10)
	@Fork(1)
	public int warmStart() {
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start()) {
			return server.port();
		}
	}

}
