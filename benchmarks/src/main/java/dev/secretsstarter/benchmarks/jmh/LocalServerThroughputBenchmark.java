package dev.secretsstarter.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import dev.secretsstarter.benchmarks.SecretsFixture;
import dev.secretsstarter.local.LocalSecretsManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * secrets-local's GetSecretValue throughput through the real SDK v2 client (SigV4 signed and
 * verified, 1 KB JSON value), four client threads sharing one client, server in the same JVM.
 *
 * @author secrets-starter team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(4)
public class LocalServerThroughputBenchmark {

	private LocalSecretsManager server;

	private SecretsManagerClient client;

	@Setup(Level.Trial)
	public void setUp() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret(SecretsFixture.name(0), SecretsFixture.json(0, 0));
		this.client = Clients.v2(this.server);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.client.close();
		this.server.close();
	}

	@Benchmark
	public String getSecretValue() {
		return this.client.getSecretValue((request) -> request.secretId(SecretsFixture.name(0))).secretString();
	}

}
