package dev.secretsstarter.cache;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.secretsstarter.core.SecretNotFoundException;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CaffeineSecretCacheBatchIntegrationTests {

	private LocalSecretsManager server;

	private SecretsManagerClient client;

	private CaffeineSecretCache cache;

	@BeforeEach
	void start() {
		this.server = LocalSecretsManager.builder().build().start();
		this.client = LocalClients.builder(this.server)
			.overrideConfiguration((override) -> override.retryStrategy((strategy) -> strategy.maxAttempts(1)))
			.build();
		this.cache = new CaffeineSecretCache(this.client, new SecretCacheProperties(),
				new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.close();
	}

	private List<SecretKey> create(int count) {
		return IntStream.range(0, count).mapToObj((i) -> {
			this.server.createSecret("app/s" + i, "{\"n\":" + i + "}");
			return SecretKey.current("app/s" + i);
		}).toList();
	}

	@Test
	void getAllLoadsTwentySecretsPerCall() {
		List<SecretKey> keys = create(45);
		this.server.requests().reset();
		Map<SecretKey, SecretSnapshot> loaded = this.cache.getAll(keys);
		assertThat(loaded).hasSize(45);
		assertThat(loaded.get(SecretKey.current("app/s44")).stringValue()).isEqualTo("{\"n\":44}");
		assertThat(this.server.requests().counts()).containsExactlyEntriesOf(Map.of("BatchGetSecretValue", 3L));
	}

	@Test
	void getAllOfCachedSecretsMakesNoCall() {
		List<SecretKey> keys = create(5);
		this.cache.getAll(keys);
		this.server.requests().reset();
		this.cache.getAll(keys);
		assertThat(this.server.requests().counts()).isEmpty();
	}

	@Test
	void getAllReportsMissingSecretsAfterCachingTheOthers() {
		List<SecretKey> keys = new java.util.ArrayList<>(create(3));
		keys.add(SecretKey.current("app/missing"));
		SecretLoadFailures failures = catchThrowableOfType(SecretLoadFailures.class, () -> this.cache.getAll(keys));
		assertThat(failures.getFailures()).containsOnlyKeys(SecretKey.current("app/missing"));
		assertThat(failures.getFailures().get(SecretKey.current("app/missing")))
			.isInstanceOf(SecretNotFoundException.class);
		assertThat(this.cache.keys()).hasSize(3);
		assertThat(this.server.requests().count("GetSecretValue")).isZero();
	}

	@Test
	void getAllFallsBackToSingleCallsWhenTheBatchIsThrottled() {
		List<SecretKey> keys = create(3);
		this.server.faults().throttle("BatchGetSecretValue", 1);
		this.server.requests().reset();
		assertThat(this.cache.getAll(keys)).hasSize(3);
		assertThat(this.server.requests().count("GetSecretValue")).isEqualTo(3);
	}

	@Test
	void getAllLoadsOtherStagesOneByOne() {
		create(2);
		this.server.putSecretValue("app/s0", "{\"n\":100}");
		this.server.requests().reset();
		Map<SecretKey, SecretSnapshot> loaded = this.cache
			.getAll(List.of(SecretKey.current("app/s1"), SecretKey.stage("app/s0", SecretKey.AWSPREVIOUS)));
		assertThat(loaded.get(SecretKey.stage("app/s0", SecretKey.AWSPREVIOUS)).stringValue()).isEqualTo("{\"n\":0}");
		assertThat(this.server.requests().counts())
			.containsExactlyInAnyOrderEntriesOf(Map.of("BatchGetSecretValue", 1L, "GetSecretValue", 1L));
	}

	@Test
	void getAllMatchesSecretsImportedByArn() {
		create(1);
		String arn = this.cache.get(SecretKey.current("app/s0")).arn();
		this.server.requests().reset();
		CaffeineSecretCache fresh = new CaffeineSecretCache(this.client, new SecretCacheProperties(),
				java.time.Clock.systemUTC());
		assertThat(fresh.getAll(List.of(SecretKey.current(arn)))).hasSize(1);
		assertThat(this.server.requests().counts()).containsExactlyEntriesOf(Map.of("BatchGetSecretValue", 1L));
	}

	@Test
	void getAllByPartialArnDoesNotMatchASecretWhoseNameMerelyStartsWithIt() {
		this.server.createSecret("app/db", "{\"n\":\"db\"}");
		this.server.createSecret("app/db-prod", "{\"n\":\"db-prod\"}");
		String arn = new CaffeineSecretCache(this.client, new SecretCacheProperties(), java.time.Clock.systemUTC())
			.get(SecretKey.current("app/db"))
			.arn();
		SecretKey partial = SecretKey.current(arn.substring(0, arn.length() - 7));
		SecretKey prod = SecretKey.current("app/db-prod");
		Map<SecretKey, SecretSnapshot> loaded = this.cache.getAll(List.of(partial, prod));
		assertThat(loaded.get(partial).stringValue()).isEqualTo("{\"n\":\"db\"}");
		assertThat(loaded.get(prod).stringValue()).isEqualTo("{\"n\":\"db-prod\"}");
	}


}
