package dev.secretsstarter.refresh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.config.SecretsPropertySource;
import dev.secretsstarter.local.LocalSecretsManager;
import dev.secretsstarter.local.PasswordRotationFunction;
import dev.secretsstarter.refresh.RefreshTestApplication.AllSecretsService;
import dev.secretsstarter.refresh.RefreshTestApplication.ApiClient;
import dev.secretsstarter.refresh.RefreshTestApplication.DbProperties;
import dev.secretsstarter.refresh.RefreshTestApplication.DbService;
import dev.secretsstarter.refresh.RefreshTestApplication.OtherProperties;
import dev.secretsstarter.refresh.RefreshTestApplication.RotatedEvents;
import dev.secretsstarter.refresh.RefreshTestApplication.ScopedSecretUser;
import dev.secretsstarter.refresh.RefreshTestApplication.UnrelatedService;
import dev.secretsstarter.testing.LocalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.context.refresh.ContextRefresher;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rotation end to end: a real {@code SpringApplication} importing secrets from secrets-local over
 * HTTP with the real SDK client; changes made through the API reach every kind of consumer.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretRefreshIntegrationTests {

	private static final String LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:rotate";

	private LocalSecretsManager server;

	private SecretsManagerClient client;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeEach
	void start() {
		RefreshTestApplication.resetCounters();
		this.server = LocalSecretsManager.builder().synchronousRotation(true).build().start();
		this.client = LocalClients.builder(this.server)
			.build();
		RefreshTestApplication.seed(this.server);
	}

	@AfterEach
	void stop() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.client.close();
		this.server.close();
	}

	private ConfigurableApplicationContext run(String... more) {
		ConfigurableApplicationContext context = RefreshTestApplication.run(this.server,
				"aws-secretsmanager:db/credentials?prefix=db.;app/api?prefix=api.;app/third?prefix=third.", more);
		this.contexts.add(context);
		return context;
	}

	@Test
	void putSecretValueReachesSecretValueSitesHandlesConfigurationPropertiesAndRefreshScopeBeans() {
		ConfigurableApplicationContext context = run();
		ApiClient api = context.getBean(ApiClient.class);
		assertThat(context.getBean(DbService.class).password()).isEqualTo("db-one");
		assertThat(context.getBean(DbProperties.class).getPassword()).isEqualTo("db-one");
		this.server.putSecretValue("db/credentials", "{\"username\":\"app\",\"password\":\"db-two\"}");
		this.server.putSecretValue("app/api", "{\"key\":\"api-two\"}");
		SecretPollResult result = context.getBean(SecretsRefresher.class).refreshNow();
		assertThat(result.changed()).isEqualTo(2);
		assertThat(api.apiKey).isEqualTo("api-two");
		assertThat(api.handle.get()).isEqualTo("api-two");
		assertThat(context.getBean(DbProperties.class).getPassword()).isEqualTo("db-two");
		assertThat(context.getBean(DbService.class).password()).isEqualTo("db-two");
		assertThat(context.getEnvironment().getProperty("db.password")).isEqualTo("db-two");
	}

	@Test
	void updateSecretVersionStageReachesBeans() {
		String first = this.client.describeSecret((r) -> r.secretId("db/credentials"))
			.versionIdsToStages()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue().contains("AWSCURRENT"))
			.findFirst()
			.orElseThrow()
			.getKey();
		this.server.putSecretValue("db/credentials", "{\"username\":\"app\",\"password\":\"db-two\"}");
		ConfigurableApplicationContext context = run();
		assertThat(context.getBean(DbProperties.class).getPassword()).isEqualTo("db-two");
		String second = context.getBean(DbProperties.class).getPassword().isEmpty() ? "" : currentVersion("db/credentials");
		this.client.updateSecretVersionStage((r) -> r.secretId("db/credentials")
			.versionStage("AWSCURRENT")
			.moveToVersionId(first)
			.removeFromVersionId(second));
		context.getBean(SecretsRefresher.class).refreshNow();
		assertThat(context.getBean(DbProperties.class).getPassword()).isEqualTo("db-one");
		assertThat(context.getBean(DbService.class).password()).isEqualTo("db-one");
		RotatedEvents events = context.getBean(RotatedEvents.class);
		assertThat(events.events).singleElement().satisfies((event) -> {
			assertThat(event.getSecretId()).isEqualTo("db/credentials");
			assertThat(event.getPreviousVersionId()).isEqualTo(second);
			assertThat(event.getNewVersionId()).isEqualTo(first);
			assertThat(event.getChangedPropertyNames()).containsExactly("db.password");
		});
	}

	@Test
	void rotateSecretWithItsFourStepsReachesBeans() {
		this.server.registerRotationFunction(LAMBDA, PasswordRotationFunction.forKey("password").excludePunctuation(true));
		ConfigurableApplicationContext context = run();
		this.client.rotateSecret((r) -> r.secretId("db/credentials").rotationLambdaARN(LAMBDA));
		context.getBean(SecretsRefresher.class).refreshNow();
		String rotated = context.getEnvironment().getProperty("db.password");
		assertThat(rotated).isNotEqualTo("db-one");
		assertThat(context.getBean(DbProperties.class).getPassword()).isEqualTo(rotated);
		assertThat(context.getBean(DbService.class).password()).isEqualTo(rotated);
		assertThat(context.getBean(RotatedEvents.class).events).singleElement()
			.satisfies((event) -> assertThat(event.getNewVersionId()).isEqualTo(currentVersion("db/credentials")));
	}

	@Test
	void beansThatDoNotDependOnAChangedSecretAreNotRebuiltOrRebound() {
		ConfigurableApplicationContext context = run();
		context.getBean(UnrelatedService.class).setting();
		context.getBean(DbService.class).password();
		int unrelatedBefore = RefreshTestApplication.unrelatedServiceCreations.get();
		int dbBefore = RefreshTestApplication.dbServiceCreations.get();
		int bindingsBefore = RefreshTestApplication.otherPropertiesBindings.get();
		this.server.putSecretValue("db/credentials", "{\"username\":\"app\",\"password\":\"db-two\"}");
		context.getBean(SecretsRefresher.class).refreshNow();
		context.getBean(UnrelatedService.class).setting();
		context.getBean(DbService.class).password();
		assertThat(RefreshTestApplication.dbServiceCreations.get()).isEqualTo(dbBefore + 1);
		assertThat(RefreshTestApplication.unrelatedServiceCreations.get()).isEqualTo(unrelatedBefore);
		assertThat(RefreshTestApplication.otherPropertiesBindings.get()).isEqualTo(bindingsBefore);
		assertThat(context.getBean(OtherProperties.class).getSetting()).isEqualTo("y");
	}

	@Test
	void aChangeOfOneSecretOfAMultiSecretImportRefreshesOnlyTheBeansOfItsProperties() {
		ConfigurableApplicationContext context = run();
		assertThat(context.getEnvironment().getPropertySources().stream().filter(SecretsPropertySource.class::isInstance))
			.singleElement()
			.satisfies((source) -> assertThat(source.getName()).isEqualTo(
					"aws-secretsmanager:db/credentials?prefix=db.;app/api?prefix=api.;app/third?prefix=third."));
		context.getBean(DbService.class).password();
		assertThat(context.getBean(AllSecretsService.class).joined()).isEqualTo("db-oneapi-onethird-one");
		int dbBefore = RefreshTestApplication.dbServiceCreations.get();
		int allBefore = RefreshTestApplication.allSecretsServiceCreations.get();
		int bindingsBefore = RefreshTestApplication.dbPropertiesBindings.get();
		this.server.putSecretValue("app/api", "{\"key\":\"api-two\"}");
		context.getBean(SecretsRefresher.class).refreshNow();
		assertThat(context.getEnvironment().getProperty("api.key")).isEqualTo("api-two");
		assertThat(context.getBean(AllSecretsService.class).joined()).isEqualTo("db-oneapi-twothird-one");
		context.getBean(DbService.class).password();
		assertThat(RefreshTestApplication.allSecretsServiceCreations.get()).isEqualTo(allBefore + 1);
		assertThat(RefreshTestApplication.dbServiceCreations.get()).isEqualTo(dbBefore);
		assertThat(RefreshTestApplication.dbPropertiesBindings.get()).isEqualTo(bindingsBefore);
		assertThat(context.getBean(RotatedEvents.class).events).singleElement().satisfies((event) -> {
			assertThat(event.getSecretId()).isEqualTo("app/api");
			assertThat(event.getChangedPropertyNames()).containsExactly("api.key");
		});
	}

	@Test
	void aRefreshScopeBeanWithASecretValueOnAChangedSecretIsRebuilt() {
		ConfigurableApplicationContext context = run();
		assertThat(context.getBean(ScopedSecretUser.class).token()).isEqualTo("third-one");
		int before = RefreshTestApplication.scopedSecretUserCreations.get();
		this.server.putSecretValue("app/api", "{\"key\":\"api-two\"}");
		context.getBean(SecretsRefresher.class).refreshNow();
		assertThat(context.getBean(ScopedSecretUser.class).token()).isEqualTo("third-one");
		assertThat(RefreshTestApplication.scopedSecretUserCreations.get()).isEqualTo(before);
		this.server.putSecretValue("app/third", "{\"token\":\"third-two\"}");
		context.getBean(SecretsRefresher.class).refreshNow();
		assertThat(context.getBean(ScopedSecretUser.class).token()).isEqualTo("third-two");
		assertThat(RefreshTestApplication.scopedSecretUserCreations.get()).isEqualTo(before + 1);
	}

	@Test
	void severalSecretsChangingInOneCycleCauseOneRefresh() {
		ConfigurableApplicationContext context = run();
		assertThat(context.getBean(AllSecretsService.class).joined()).isEqualTo("db-oneapi-onethird-one");
		int before = RefreshTestApplication.allSecretsServiceCreations.get();
		this.server.putSecretValue("db/credentials", "{\"username\":\"app\",\"password\":\"db-two\"}");
		this.server.putSecretValue("app/api", "{\"key\":\"api-two\"}");
		this.server.putSecretValue("app/third", "{\"token\":\"third-two\"}");
		SecretPollResult result = context.getBean(SecretsRefresher.class).refreshNow();
		assertThat(result.changed()).isEqualTo(3);
		assertThat(context.getBean(AllSecretsService.class).joined()).isEqualTo("db-twoapi-twothird-two");
		assertThat(RefreshTestApplication.allSecretsServiceCreations.get()).isEqualTo(before + 1);
		assertThat(context.getBean(RotatedEvents.class).events).hasSize(3);
	}

	@Test
	void steadyStatePollsOfUnchangedSecretsDownloadNoValues() {
		ConfigurableApplicationContext context = run();
		SecretsRefresher refresher = context.getBean(SecretsRefresher.class);
		this.server.requests().reset();
		for (int i = 0; i < 3; i++) {
			assertThat(refresher.refreshNow().changed()).isZero();
		}
		Map<String, Long> counts = this.server.requests().counts();
		assertThat(counts).containsEntry("DescribeSecret", 9L);
		assertThat(counts.getOrDefault("GetSecretValue", 0L)).isZero();
		assertThat(counts.getOrDefault("BatchGetSecretValue", 0L)).isZero();
		assertThat(this.server.requests().responseBytes("GetSecretValue")).isZero();
	}

	@Test
	void scheduledPollingPicksUpAChange() {
		ConfigurableApplicationContext context = run("secrets.refresh.interval=100ms");
		this.server.putSecretValue("app/api", "{\"key\":\"api-two\"}");
		ApiClient api = context.getBean(ApiClient.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> "api-two".equals(api.apiKey));
		await().atMost(Duration.ofSeconds(10)).until(() -> context.getBean(RotatedEvents.class).events.size() == 1);
	}

	@Test
	void anInProcessServerPushesChangesWithoutWaitingForAPoll() {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(RefreshTestApplication.class)
			.web(WebApplicationType.NONE)
			.initializers((context) -> context.getBeanFactory().registerSingleton("localSecretsManager", this.server))
			.properties(LocalClients.properties(this.server, "plain.setting=y",
					"spring.config.import=aws-secretsmanager:app/api?prefix=api.", "secrets.refresh.interval=1h"));
		ConfigurableApplicationContext context = builder.run();
		this.contexts.add(context);
		this.server.putSecretValue("app/api", "{\"key\":\"api-two\"}");
		ApiClient api = context.getBean(ApiClient.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> "api-two".equals(api.apiKey));
		SecretsRefresher refresher = context.getBean(SecretsRefresher.class);
		// The field changes during the poll; the poll's result is recorded when it ends.
		await().atMost(Duration.ofSeconds(10)).until(() -> refresher.status().lastPoll() != null);
		assertThat(refresher.status().lastPoll().trigger()).isEqualTo(SecretPollResult.Trigger.LOCAL_PUSH);
	}

	@Test
	void anEndpointFailingForAWhileLeavesValuesIntactAndPollingRecovers() {
		ConfigurableApplicationContext context = run("secrets.refresh.interval=100ms", "secrets.refresh.backoff.max=200ms");
		SecretsRefresher refresher = context.getBean(SecretsRefresher.class);
		ApiClient api = context.getBean(ApiClient.class);
		this.server.faults().errorRate("*", 1.0);
		this.server.putSecretValue("app/api", "{\"key\":\"api-two\"}");
		await().atMost(Duration.ofSeconds(10)).until(() -> refresher.status().consecutiveFailedPolls() >= 2);
		assertThat(api.apiKey).isEqualTo("api-one");
		assertThat(context.getEnvironment().getProperty("api.key")).isEqualTo("api-one");
		assertThat(context.getBean(SecretsRefresher.class).status().checkFailures()).isPositive();
		this.server.faults().clear();
		await().atMost(Duration.ofSeconds(10)).until(() -> "api-two".equals(api.apiKey));
		await().atMost(Duration.ofSeconds(10)).until(() -> refresher.status().consecutiveFailedPolls() == 0);
		assertThat(context.getEnvironment().getProperty("api.key")).isEqualTo("api-two");
	}

	@Test
	void eventsAndLogsNameTheChangedPropertiesButNeverAValue(CapturedOutput output) {
		ConfigurableApplicationContext context = run();
		this.server.putSecretValue("db/credentials", "{\"username\":\"app\",\"password\":\"marker-secret-7f3a\"}");
		context.getBean(SecretsRefresher.class).refreshNow();
		SecretRotatedEvent event = context.getBean(RotatedEvents.class).events.get(0);
		assertThat(event.getChangedPropertyNames()).containsExactly("db.password");
		assertThat(event.toString()).doesNotContain("marker-secret-7f3a");
		assertThat(output).contains("Secret 'db/credentials@AWSCURRENT' rotated").doesNotContain("marker-secret-7f3a");
	}

	@Test
	void aSpringCloudContextRefreshReusesTheCacheWithoutCallsAndRotationKeepsWorkingAfterIt() {
		ConfigurableApplicationContext context = run();
		this.server.requests().reset();
		context.getBean(ContextRefresher.class).refresh();
		assertThat(this.server.requests().counts()).isEmpty();
		this.server.putSecretValue("db/credentials", "{\"username\":\"app\",\"password\":\"db-two\"}");
		context.getBean(SecretsRefresher.class).refreshNow();
		assertThat(context.getEnvironment().getProperty("db.password")).isEqualTo("db-two");
		assertThat(context.getBean(DbProperties.class).getPassword()).isEqualTo("db-two");
	}

	@Test
	void trackedKeysAreTheSecretsTheApplicationUses() {
		ConfigurableApplicationContext context = run();
		assertThat(context.getBean(SecretsRefresher.class).trackedKeys()).containsExactlyInAnyOrder(
				SecretKey.current("db/credentials"), SecretKey.current("app/api"), SecretKey.current("app/third"));
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
