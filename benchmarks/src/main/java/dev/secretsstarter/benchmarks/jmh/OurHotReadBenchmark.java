package dev.secretsstarter.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.secretsstarter.benchmarks.SecretsFixture;
import dev.secretsstarter.benchmarks.Variant;
import dev.secretsstarter.inject.SecretHandle;
import dev.secretsstarter.inject.SecretValue;
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
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Warm reads of one 1 KB secret through secrets-starter, in a real application started against
 * secrets-local: a live {@link SecretHandle#get()}, a field injected with {@code @SecretValue},
 * and {@code Environment.getProperty} of a key imported with {@code spring.config.import} (beside
 * the same read of a plain default property, the last source in the chain, for reference).
 * Compare with {@link HotReadBenchmark}, run in the same JMH invocation.
 *
 * @author secrets-starter team
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OurHotReadBenchmark {

	private LocalSecretsManager server;

	private ConfigurableApplicationContext context;

	private SecretReader reader;

	private SecretHandle<String> handle;

	private Environment environment;

	private String propertyName = "";

	private String referenceName = "";

	@Setup(Level.Trial)
	public void setUp() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret(SecretsFixture.name(7), SecretsFixture.json(7, 0));
		SpringApplication app = new SpringApplication(ReaderApplication.class);
		app.setBannerMode(Banner.Mode.OFF);
		// A plain property at the end of the property-source chain, as a reference for the imported one.
		app.setDefaultProperties(java.util.Map.of("bench.reference", "plain"));
		List<String> args = new java.util.ArrayList<>(
				Variant.OURS.connectionArguments(this.server, "aws-secretsmanager:" + SecretsFixture.name(7)));
		args.add("--logging.level.root=WARN");
		this.context = app.run(args.toArray(String[]::new));
		this.reader = this.context.getBean(SecretReader.class);
		this.handle = this.reader.handle;
		this.environment = this.context.getEnvironment();
		this.propertyName = new String((SecretsFixture.keyPrefix(7) + ".username").toCharArray());
		this.referenceName = new String("bench.reference".toCharArray());
		if (!SecretsFixture.json(7, 0).equals(this.handle.get()) || !SecretsFixture.json(7, 0).equals(this.reader.value)
				|| this.environment.getProperty(this.propertyName) == null) {
			throw new IllegalStateException("The application did not read the seeded secret");
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.context.close();
		this.server.close();
	}

	@Benchmark
	public String secretHandleGet() {
		return this.handle.get();
	}

	@Benchmark
	public String injectedFieldRead() {
		return this.reader.value;
	}

	@Benchmark
	public String environmentGetProperty() {
		return this.environment.getProperty(this.propertyName);
	}

	@Benchmark
	public String environmentGetPropertyOfADefaultProperty() {
		return this.environment.getProperty(this.referenceName);
	}

	/** The application under measurement: auto-configuration and one bean. */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	public static class ReaderApplication {

		@Bean
		SecretReader secretReader() {
			return new SecretReader();
		}

	}

	/** A bean with an injected value and a live handle. */
	public static class SecretReader {

		@SecretValue("bench/s007")
		String value;

		@SecretValue("bench/s007")
		SecretHandle<String> handle;

	}

}
