package dev.secretsstarter.refresh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.refresh.RefreshTestApplication.ApiClient;
import dev.secretsstarter.refresh.RefreshTestApplication.RotatedEvents;
import dev.secretsstarter.refresh.RefreshTestApplication.ScopedSecretUser;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rotation of secrets the cache evicted: a cache smaller than the set of tracked secrets
 * ({@code secrets.cache.maximum-size=0} here, so every key is evicted soon after each load, which
 * the tests wait for) reloads a key as a first load; a reload at another version must still be a
 * rotation, with its event and targeted refresh. Real {@code SpringApplication}, real SDK client,
 * secrets-local over HTTP.
 */
class SecretRefreshEvictionIntegrationTests {

	private static final SecretKey THIRD = SecretKey.current("app/third");

	private LocalSecretsManager server;

	private SecretsManagerClient client;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeEach
	void start() {
		RefreshTestApplication.resetCounters();
		this.server = LocalSecretsManager.builder().build().start();
		this.client = LocalClients.builder(this.server).build();
		RefreshTestApplication.seed(this.server);
	}

	@AfterEach
	void stop() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.client.close();
		this.server.close();
	}

	// app/api and app/third are used through @SecretValue only: their consumers read the
	// snapshot the cache reports, not a property source.
	private ConfigurableApplicationContext run(String... more) {
		List<String> properties = new ArrayList<>(List.of("secrets.cache.maximum-size=0"));
		properties.addAll(List.of(more));
		ConfigurableApplicationContext context = RefreshTestApplication.run(this.server,
				"aws-secretsmanager:db/credentials?prefix=db.", properties.toArray(String[]::new));
		this.contexts.add(context);
		return context;
	}

	private static void awaitEvicted(ConfigurableApplicationContext context, SecretKey key) {
		SecretCache cache = context.getBean(SecretCache.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> cache.getIfPresent(key) == null);
	}

	@Test
	void aTrackedSecretReloadedAtANewVersionAfterEvictionPublishesARotationEvent() {
		ConfigurableApplicationContext context = run();
		assertThat(context.getBean(ScopedSecretUser.class).token()).isEqualTo("third-one");
		String before = currentVersion("app/third");
		awaitEvicted(context, THIRD);
		this.server.putSecretValue("app/third", "{\"token\":\"third-two\"}");
		context.getBean(SecretsRefresher.class).refreshNow(List.of("app/third"));
		assertThat(context.getBean(RotatedEvents.class).events).singleElement().satisfies((event) -> {
			assertThat(event.getSecretKey()).isEqualTo(THIRD);
			assertThat(event.getPreviousVersionId()).isEqualTo(before);
			assertThat(event.getNewVersionId()).isEqualTo(currentVersion("app/third"));
			assertThat(event.getChangedPropertyNames()).containsExactly("token");
		});
	}

	@Test
	void aTrackedSecretReloadedAtANewVersionAfterEvictionRefreshesTheBeansThatDependOnIt() {
		ConfigurableApplicationContext context = run();
		ScopedSecretUser user = context.getBean(ScopedSecretUser.class);
		assertThat(user.token()).isEqualTo("third-one");
		int creations = RefreshTestApplication.scopedSecretUserCreations.get();
		awaitEvicted(context, THIRD);
		this.server.putSecretValue("app/third", "{\"token\":\"third-two\"}");
		context.getBean(SecretsRefresher.class).refreshNow(List.of("app/third"));
		assertThat(user.token()).isEqualTo("third-two");
		assertThat(RefreshTestApplication.scopedSecretUserCreations.get()).isEqualTo(creations + 1);
		assertThat(context.getBean(SecretsRefresher.class).status().rotationsDetected()).isEqualTo(1);
	}

	@Test
	void aReloadOfAnEvictedSecretByAnApplicationReadIsARotationToo() {
		ConfigurableApplicationContext context = run();
		SecretKey api = SecretKey.current("app/api");
		assertThat(context.getBean(ApiClient.class).handle.get()).isEqualTo("api-one");
		awaitEvicted(context, api);
		this.server.putSecretValue("app/api", "{\"key\":\"api-two\"}");
		// Any read through the cache (a template read, a bean created later) loads the new
		// version on the application's thread, outside any poll.
		context.getBean(SecretCache.class).get(api);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(context.getBean(RotatedEvents.class).events).singleElement()
				.satisfies((event) -> assertThat(event.getSecretKey()).isEqualTo(api)));
	}

	@Test
	void reloadingAnEvictedSecretAtTheSameVersionIsNoRotation() {
		ConfigurableApplicationContext context = run();
		assertThat(context.getBean(ScopedSecretUser.class).token()).isEqualTo("third-one");
		awaitEvicted(context, THIRD);
		SecretPollResult result = context.getBean(SecretsRefresher.class).refreshNow();
		assertThat(result.failed()).isZero();
		assertThat(context.getBean(RotatedEvents.class).events).isEmpty();
		assertThat(context.getBean(SecretsRefresher.class).status().rotationsDetected()).isZero();
	}

	private String currentVersion(String secretId) {
		return this.client.describeSecret((r) -> r.secretId(secretId))
			.versionIdsToStages()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue().contains("AWSCURRENT"))
			.findFirst()
			.orElseThrow()
			.getKey();
	}

}
