package dev.secretsstarter.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.secretsstarter.autoconfigure.SecretsManagerAutoConfiguration;
import dev.secretsstarter.cache.MutableClock;
import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheAutoConfiguration;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.refresh.SecretRefreshAutoConfiguration;
import dev.secretsstarter.refresh.SecretsRefresher;
import dev.secretsstarter.testing.LocalClients;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class SecretsMetricsIntegrationTests {

	private static final SecretKey DB = SecretKey.current("db/credentials");

	private static final SecretKey API = SecretKey.current("api/key");

	private static final String IMPORT = "spring.config.import=aws-secretsmanager:db/credentials";

	private static final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

	private LocalSecretsManager server;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.server.createSecret("db/credentials", "{\"username\":\"app\",\"password\":\"pw\"}");
		this.server.createSecret("api/key", "{\"token\":\"t\"}");
	}

	@AfterEach
	void stop() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.server.close();
	}

	private ConfigurableApplicationContext run(String... more) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.properties(LocalClients.properties(this.server, "secrets.client.max-attempts=1",
					"secrets.cache.backoff.initial=1ms", "secrets.cache.backoff.max=2ms",
					"secrets.refresh.interval=1h"))
			// A later call wins on a repeated key: the test's properties override the ones above.
			.properties(more)
			.run();
		this.contexts.add(context);
		return context;
	}

	private static double calls(ConfigurableApplicationContext context, String operation, String outcome) {
		Timer timer = context.getBean(MeterRegistry.class)
			.find("secrets.api.calls")
			.tags("operation", operation, "outcome", outcome)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static double counter(ConfigurableApplicationContext context, String name, String... tags) {
		FunctionCounter counter = context.getBean(MeterRegistry.class).get(name).tags(tags).functionCounter();
		return counter.count();
	}

	@Test
	void apiCallTimerCountsTheCallsOfTheConfigImport() {
		ConfigurableApplicationContext context = run(IMPORT);
		assertThat(this.server.requests().count("BatchGetSecretValue")).isEqualTo(1);
		assertThat(calls(context, "BatchGetSecretValue", "success")).isEqualTo(1);
		assertThat(context.getBean(MeterRegistry.class)
			.get("secrets.api.calls")
			.tags("operation", "BatchGetSecretValue")
			.timer()
			.totalTime(TimeUnit.NANOSECONDS)).isPositive();
	}

	@Test
	void apiCallTimerCountsTheCallsOfTheAutoConfiguredClient() {
		ConfigurableApplicationContext context = run();
		context.getBean(SecretCache.class).get(API);
		assertThat(calls(context, "GetSecretValue", "success")).isEqualTo(1);
	}

	@Test
	void apiCallTimerTagsThrottledCalls() {
		ConfigurableApplicationContext context = run();
		this.server.faults().throttle("GetSecretValue", 1);
		assertThatException().isThrownBy(() -> context.getBean(SecretCache.class).get(API));
		assertThat(calls(context, "GetSecretValue", "throttled")).isEqualTo(1);
	}

	@Test
	void apiCallTimerTagsRefusedCallsAsClientErrors() {
		ConfigurableApplicationContext context = run();
		assertThatException().isThrownBy(() -> context.getBean(SecretCache.class).get(SecretKey.current("missing")));
		assertThat(calls(context, "GetSecretValue", "client_error")).isEqualTo(1);
	}

	@Test
	void apiCallTimerTagsServiceFailuresAsServerErrors() {
		ConfigurableApplicationContext context = run();
		this.server.faults().fail("GetSecretValue", "InternalServiceError", 500, 1);
		assertThatException().isThrownBy(() -> context.getBean(SecretCache.class).get(API));
		assertThat(calls(context, "GetSecretValue", "server_error")).isEqualTo(1);
	}

	@Test
	void apiCallTimerTagsTimeoutsAsIoErrors() {
		ConfigurableApplicationContext context = run("secrets.client.api-call-timeout=200ms");
		this.server.faults().latency("GetSecretValue", Duration.ofSeconds(2));
		assertThatException().isThrownBy(() -> context.getBean(SecretCache.class).get(API));
		assertThat(calls(context, "GetSecretValue", "io_error")).isEqualTo(1);
	}

	@Test
	void cacheGetsCountHitsAndMisses() {
		ConfigurableApplicationContext context = run(IMPORT);
		SecretCache cache = context.getBean(SecretCache.class);
		cache.get(DB);
		cache.get(DB);
		assertThat(counter(context, "secrets.cache.gets", "result", "miss")).isEqualTo(1);
		assertThat(counter(context, "secrets.cache.gets", "result", "hit")).isEqualTo(2);
	}

	@Test
	void cacheLoadsCountFetchesAndTheirTime() {
		ConfigurableApplicationContext context = run(IMPORT);
		this.server.faults().fail("GetSecretValue", "InternalServiceError", 500, 1);
		assertThatException().isThrownBy(() -> context.getBean(SecretCache.class).get(API));
		assertThat(counter(context, "secrets.cache.loads", "result", "success")).isEqualTo(1);
		assertThat(counter(context, "secrets.cache.loads", "result", "failure")).isEqualTo(1);
		var duration = context.getBean(MeterRegistry.class).get("secrets.cache.load.duration").functionTimer();
		assertThat(duration.count()).isEqualTo(2);
		assertThat(duration.totalTime(TimeUnit.NANOSECONDS)).isPositive();
	}

	@Test
	void aBatchChunkWithASecretItCouldNotLoadCountsAsAFailedLoad() {
		ConfigurableApplicationContext context = run(IMPORT);
		double successes = counter(context, "secrets.cache.loads", "result", "success");
		assertThatException().isThrownBy(() -> context.getBean(SecretCache.class)
			.getAll(List.of(SecretKey.current("missing/secret"))));
		assertThat(counter(context, "secrets.cache.loads", "result", "failure")).isEqualTo(1);
		assertThat(counter(context, "secrets.cache.loads", "result", "success")).isEqualTo(successes);
	}

	@Test
	void cacheEvictionsCountEntriesRemovedWhenFull() {
		ConfigurableApplicationContext context = run("secrets.cache.maximum-size=1");
		SecretCache cache = context.getBean(SecretCache.class);
		cache.get(DB);
		cache.get(API);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(counter(context, "secrets.cache.evictions")).isEqualTo(1));
		assertThat(context.getBean(MeterRegistry.class).get("secrets.cache.size").gauge().value()).isEqualTo(1);
	}

	@Test
	void rotationsCountNewVersionsPickedUp() {
		ConfigurableApplicationContext context = run(IMPORT);
		assertThat(counter(context, "secrets.rotations")).isZero();
		this.server.putSecretValue("db/credentials", "{\"username\":\"app\",\"password\":\"new\"}");
		context.getBean(SecretCache.class).refresh(DB);
		assertThat(counter(context, "secrets.rotations")).isEqualTo(1);
	}

	@Test
	void refreshFailuresCountFailedRefreshes() {
		ConfigurableApplicationContext context = run(IMPORT);
		this.server.faults().fail("GetSecretValue", "InternalServiceError", 500, 1);
		context.getBean(SecretCache.class).refresh(DB);
		assertThat(counter(context, "secrets.refresh.failures")).isEqualTo(1);
	}

	@Test
	void refreshPollsCountPollsForRotatedSecrets() {
		ConfigurableApplicationContext context = run(IMPORT);
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		assertThat(registry.get("secrets.refresh.polls").functionCounter().count()).isZero();
		context.getBean(SecretsRefresher.class).refreshNow();
		assertThat(registry.get("secrets.refresh.polls").functionCounter().count()).isEqualTo(1);
		assertThat(registry.get("secrets.refresh.failed.polls").gauge().value()).isZero();
	}

	@Test
	void failedPollsCountPollsInARowInWhichEveryCheckFailed() {
		ConfigurableApplicationContext context = run(IMPORT);
		this.server.faults().fail("DescribeSecret", "InternalServiceError", 500, 1);
		context.getBean(SecretsRefresher.class).refreshNow();
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		assertThat(registry.get("secrets.refresh.failed.polls").gauge().value()).isEqualTo(1);
		assertThat(counter(context, "secrets.refresh.failures")).isEqualTo(1);
	}

	@Test
	void stalestAgeIsTheTimeSinceTheOldestValueWasConfirmed() {
		ConfigurableApplicationContext context = run();
		SecretCache cache = context.getBean(SecretCache.class);
		cache.get(DB);
		clock.advance(Duration.ofSeconds(30));
		cache.get(API);
		clock.advance(Duration.ofSeconds(60));
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		assertThat(registry.get("secrets.stalest.age").timeGauge().value(TimeUnit.SECONDS)).isEqualTo(90);
		cache.refresh(DB);
		assertThat(registry.get("secrets.stalest.age").timeGauge().value(TimeUnit.SECONDS)).isEqualTo(60);
	}

	@Test
	void perSecretMetersAreOffByDefault() {
		ConfigurableApplicationContext context = run(IMPORT);
		assertThat(context.getBean(MeterRegistry.class).find("secrets.secret.age").meters()).isEmpty();
	}

	@Test
	void perSecretAgeIsTaggedWithTheSecretIdWhenTurnedOn() {
		ConfigurableApplicationContext context = run(IMPORT, "secrets.metrics.secret-id-tags=true");
		context.getBean(SecretCache.class).get(API);
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		assertThat(registry.find("secrets.secret.age").meters())
			.extracting((meter) -> meter.getId().getTag("secret"))
			.containsExactlyInAnyOrder("db/credentials", "api/key");
	}

	@Test
	void perSecretMetersStopAtTheMaximumNumberOfTaggedSecrets(CapturedOutput output) {
		ConfigurableApplicationContext context = run(IMPORT, "secrets.metrics.secret-id-tags=true",
				"secrets.metrics.max-tagged-secrets=1");
		context.getBean(SecretCache.class).get(API);
		assertThat(context.getBean(MeterRegistry.class).find("secrets.secret.age").meters()).hasSize(1);
		assertThat(output).contains("secrets.metrics.max-tagged-secrets (1)");
	}

	@Test
	void startUpLogsOneSummaryLineAndOtherwiseStaysQuiet(CapturedOutput output) {
		run(IMPORT);
		assertThat(output).contains("Secrets: 1 secret(s) loaded (1 imported, 0 @SecretValue) with 1 API call(s), ");
		List<String> ours = output.getAll()
			.lines()
			.filter((line) -> line.matches(".*(INFO|WARN|ERROR).*d\\.s\\..*"))
			.toList();
		assertThat(ours).hasSize(1);
	}

	@Test
	void startUpLineIsDebugOnlyWhenNoSecretIsUsed(CapturedOutput output) {
		run();
		assertThat(output).doesNotContain("Secrets: ");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SecretsManagerAutoConfiguration.class, SecretCacheAutoConfiguration.class,
			SecretRefreshAutoConfiguration.class, SecretsMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
			CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class })
	static class TestApplication {

		@Bean
		Clock secretsClock() {
			return clock;
		}

	}

}
