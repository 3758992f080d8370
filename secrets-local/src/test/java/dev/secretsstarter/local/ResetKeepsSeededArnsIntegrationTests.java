package dev.secretsstarter.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded secret keeps its ARN for the life of the server: a client that addresses it by its full ARN
 * (an import, an injection point or a data source naming the ARN) still finds it after a reset. Secrets
 * created through the API get random suffixes, as in the service.
 */
class ResetKeepsSeededArnsIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void aSeededSecretIsFoundByItsFullArnAfterAReset() throws IOException {
		List<Path> files = List.of(seedFile("seed.yml", "secrets: [{name: from/file, string: dummy-file}]"));
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			server.reset(files, Map.of("from/code", "dummy-code"));
			String fromFile = arn(client, "from/file");
			String fromCode = arn(client, "from/code");
			server.reset(files, Map.of("from/code", "dummy-code"));
			assertThat(client.getSecretValue((r) -> r.secretId(fromFile)).secretString()).isEqualTo("dummy-file");
			assertThat(client.getSecretValue((r) -> r.secretId(fromCode)).secretString()).isEqualTo("dummy-code");
		}
	}

	@Test
	void aSeededSecretKeepsItsArnWhenAResetSeedsItWithAnotherValue() {
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			server.reset(List.of(), Map.of("seeded", "dummy-first"));
			String first = arn(client, "seeded");
			server.reset(List.of(), Map.of("seeded", "dummy-second"));
			assertThat(client.getSecretValue((r) -> r.secretId(first)).secretString()).isEqualTo("dummy-second");
		}
	}

	@Test
	void aSeededSecretKeepsItsArnWhenATestForceDeletedItBeforeTheReset() {
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			server.reset(List.of(), Map.of("seeded", "dummy-seeded"));
			String seeded = arn(client, "seeded");
			client.deleteSecret((r) -> r.secretId("seeded").forceDeleteWithoutRecovery(true));
			server.reset(List.of(), Map.of("seeded", "dummy-seeded"));
			assertThat(arn(client, "seeded")).isEqualTo(seeded);
		}
	}

	@Test
	void aSeededSecretATestCreatesAgainThroughTheApiHasANewArnUntilAResetSeedsIt() {
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			server.reset(List.of(), Map.of("seeded", "dummy-seeded"));
			String seeded = arn(client, "seeded");
			client.deleteSecret((r) -> r.secretId("seeded").forceDeleteWithoutRecovery(true));
			String created = client.createSecret((r) -> r.name("seeded").secretString("dummy-seeded")).arn();
			server.reset(List.of(), Map.of("seeded", "dummy-seeded"));
			assertThat(created).isNotEqualTo(seeded);
			assertThat(arn(client, "seeded")).isEqualTo(seeded);
		}
	}

	private static String arn(SecretsManagerClient client, String name) {
		return client.describeSecret((r) -> r.secretId(name)).arn();
	}

	private Path seedFile(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

}
