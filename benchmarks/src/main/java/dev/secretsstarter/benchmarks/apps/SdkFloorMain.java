package dev.secretsstarter.benchmarks.apps;

import java.lang.management.ManagementFactory;
import java.net.URI;

import dev.secretsstarter.benchmarks.ChildProcess;
import dev.secretsstarter.benchmarks.SecretsFixture;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The AWS SDK's own first-use cost in a Boot JVM: starts the no-starter application, then, once
 * it is ready, builds a Secrets Manager client by hand (the URL-connection HTTP client, as
 * secrets-starter uses) and makes one BatchGetSecretValue call for one secret. Every starter built
 * on the SDK pays this on top of its own work, whenever it builds its first client; it is a floor
 * under any "added start-up" figure with at least one secret. Reports both steps and the classes
 * they load.
 *
 * @author secrets-starter team
 */
public final class SdkFloorMain {

	private SdkFloorMain() {
	}

	/**
	 * Start, measure, report, exit.
	 * @param args Boot command-line properties, with {@code bench.endpoint} and {@code bench.region}
	 */
	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(BaselineApp.class);
		app.setBannerMode(Banner.Mode.OFF);
		ConfigurableApplicationContext context = app.run(args);
		Environment environment = context.getEnvironment();
		long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		long started = System.nanoTime();
		try (SecretsManagerClient client = SecretsManagerClient.builder()
			.endpointOverride(URI.create(environment.getRequiredProperty("bench.endpoint")))
			.region(Region.of(environment.getRequiredProperty("bench.region")))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.build()) {
			long built = System.nanoTime();
			int answered = client.batchGetSecretValue((request) -> request.secretIdList(SecretsFixture.name(0)))
				.secretValues()
				.size();
			long called = System.nanoTime();
			ChildProcess.report("build_ms", (built - started) / 1_000_000, "call_ms", (called - built) / 1_000_000,
					"classes", ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes, "loaded",
					answered);
		}
		System.exit(SpringApplication.exit(context));
	}

}
