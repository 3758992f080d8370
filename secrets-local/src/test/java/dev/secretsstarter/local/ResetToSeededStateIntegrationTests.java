package dev.secretsstarter.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link LocalSecretsManager#reset(List, Map)} forgets and seeds in one atomic step, all or nothing,
 * and restores the version ids of the first seeding.
 */
class ResetToSeededStateIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void aListenerToldOfTheResetsChangesFindsEverySecretOfEveryFileAndTheSecrets() throws IOException {
		List<Path> files = List.of(seedFile("one.yml", "secrets: [{name: first, string: dummy-1}]"),
				seedFile("two.yml", "secrets: [{name: second, string: dummy-2}]"));
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			server.reset(files, Map.of("third", "dummy-3"));
			// Changes for the reset to announce: a secret it forgets, values it puts back.
			server.createSecret("written/by-test", "dummy-test");
			List.of("first", "second", "third").forEach((name) -> server.putSecretValue(name, "dummy-changed"));
			List<String> told = new CopyOnWriteArrayList<>();
			List<String> missing = new CopyOnWriteArrayList<>();
			server.addListener((event) -> {
				told.add(event.name());
				List.of("first", "second", "third").forEach((name) -> {
					try {
						client.getSecretValue((r) -> r.secretId(name));
					}
					catch (ResourceNotFoundException ex) {
						missing.add(name + " on " + event.type() + " of " + event.name());
					}
				});
			});
			server.reset(files, Map.of("third", "dummy-3"));
			assertThat(told).containsExactlyInAnyOrder("written/by-test", "first", "second", "third");
			assertThat(missing).isEmpty();
		}
	}

	@Test
	void seededSecretsGetTheVersionIdsOfTheirFirstSeedingBack() throws IOException {
		List<Path> files = List.of(seedFile("seed.yml", "secrets: [{name: from/file, string: dummy-file}]"));
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			server.seed(files.get(0));
			server.seed("from/code", "dummy-code");
			server.seed("from/file", "dummy-overridden");
			String fromFile = currentVersionId(client, "from/file");
			String fromCode = currentVersionId(client, "from/code");
			client.putSecretValue((r) -> r.secretId("from/code").secretString("dummy-changed"));
			server.reset(files, Map.of("from/code", "dummy-code", "from/file", "dummy-overridden"));
			assertThat(currentVersionId(client, "from/file")).isEqualTo(fromFile);
			assertThat(currentVersionId(client, "from/code")).isEqualTo(fromCode);
			assertThat(client.getSecretValue((r) -> r.secretId("from/code")).secretString()).isEqualTo("dummy-code");
		}
	}

	@Test
	void aResetWithAnInvalidSeedFileLeavesSecretsAndCountsAsTheyWere() throws IOException {
		Path bad = seedFile("bad.yml", "secrets: [{name: api/key, vaule: dummy-key}]");
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			server.createSecret("written/before", "dummy-before");
			client.listSecrets();
			assertThatIllegalArgumentException().isThrownBy(() -> server.reset(List.of(bad), Map.of()))
				.withMessageContaining("bad.yml")
				.withMessageContaining("'vaule'")
				.withMessageNotContaining("dummy");
			assertThat(server.requests().count("ListSecrets")).isOne();
			assertThat(client.getSecretValue((r) -> r.secretId("written/before")).secretString())
				.isEqualTo("dummy-before");
		}
	}

	private static String currentVersionId(SecretsManagerClient client, String name) {
		return client.getSecretValue((r) -> r.secretId(name)).versionId();
	}

	private Path seedFile(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

}
