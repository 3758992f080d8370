package dev.secretsstarter.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SeedIntegrationTests {

	private static final String YAML = """
			secrets:
			  - name: db/credentials
			    value: {username: app, password: dummy-password}
			    description: Dummy database credentials
			    tags: {team: platform}
			  - name: api/key
			    string: dummy-key
			  - name: cert
			    binary: ZHVtbXk=
			""";

	@TempDir
	Path dir;

	@Test
	void yamlSeedFileCreatesEverySecret() throws IOException {
		Path seed = Files.writeString(this.dir.resolve("seed.yml"), YAML);
		try (LocalSecretsManager server = LocalSecretsManager.builder().seed(seed).build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			assertThat(client.getSecretValue((r) -> r.secretId("db/credentials")).secretString())
				.isEqualTo("{\"username\":\"app\",\"password\":\"dummy-password\"}");
			assertThat(client.getSecretValue((r) -> r.secretId("api/key")).secretString()).isEqualTo("dummy-key");
			assertThat(client.getSecretValue((r) -> r.secretId("cert")).secretBinary().asUtf8String()).isEqualTo("dummy");
			var described = client.describeSecret((r) -> r.secretId("db/credentials"));
			assertThat(described.description()).isEqualTo("Dummy database credentials");
			assertThat(described.tags()).singleElement().satisfies((t) -> assertThat(t.key()).isEqualTo("team"));
		}
	}

	@Test
	void jsonSeedFileIsAccepted() throws IOException {
		Path seed = Files.writeString(this.dir.resolve("seed.json"),
				"{\"secrets\":[{\"name\":\"api/key\",\"value\":\"dummy-key\"}]}");
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			server.seed(seed);
			assertThat(client.getSecretValue((r) -> r.secretId("api/key")).secretString()).isEqualTo("dummy-key");
		}
	}

	@Test
	void seedingAgainWithAChangedValueAddsACurrentVersion() throws IOException {
		Path seed = Files.writeString(this.dir.resolve("seed.yml"), "secrets: [{name: k, string: dummy-1}]");
		try (LocalSecretsManager server = LocalSecretsManager.builder().seed(seed).build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			server.seed(seed);
			Files.writeString(seed, "secrets: [{name: k, string: dummy-2}]");
			server.seed(seed);
			assertThat(client.listSecretVersionIds((r) -> r.secretId("k")).versions()).hasSize(2);
			assertThat(client.getSecretValue((r) -> r.secretId("k")).secretString()).isEqualTo("dummy-2");
		}
	}

	@Test
	void yamlScalarValuesAreStoredExactlyAsWritten() throws IOException {
		Path seed = Files.writeString(this.dir.resolve("seed.yml"), """
				secrets:
				  - name: pin
				    value: 007
				  - name: price
				    value: 1.50
				  - name: big
				    string: 1e3
				  - name: flag
				    value: true
				""");
		try (LocalSecretsManager server = LocalSecretsManager.builder().seed(seed).build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			assertThat(client.getSecretValue((r) -> r.secretId("pin")).secretString()).isEqualTo("007");
			assertThat(client.getSecretValue((r) -> r.secretId("price")).secretString()).isEqualTo("1.50");
			assertThat(client.getSecretValue((r) -> r.secretId("big")).secretString()).isEqualTo("1e3");
			assertThat(client.getSecretValue((r) -> r.secretId("flag")).secretString()).isEqualTo("true");
		}
	}

	@Test
	void numbersInsideAJsonObjectValueAreStoredAsWritten() throws IOException {
		Path seed = Files.writeString(this.dir.resolve("seed.json"), """
				{"secrets": [{"name": "db", "value": {"port": 5432, "ratio": 1.50, "limit": 1e3, "pin": "007"}}]}
				""");
		try (LocalSecretsManager server = LocalSecretsManager.builder().seed(seed).build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			assertThat(client.getSecretValue((r) -> r.secretId("db")).secretString())
				.isEqualTo("{\"port\":5432,\"ratio\":1.50,\"limit\":1e3,\"pin\":\"007\"}");
		}
	}

	@Test
	void numbersInsideAYamlMapValueAreStoredAsWritten() throws IOException {
		Path seed = Files.writeString(this.dir.resolve("seed.yml"),
				"secrets: [{name: db, value: {port: 5432, ratio: 1.50, pin: 007, on: true, none: null}}]");
		try (LocalSecretsManager server = LocalSecretsManager.builder().seed(seed).build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			assertThat(client.getSecretValue((r) -> r.secretId("db")).secretString())
				.isEqualTo("{\"port\":5432,\"ratio\":1.50,\"pin\":\"007\",\"on\":true,\"none\":null}");
		}
	}

	@Test
	void seedingTheSameFileAfterAResetRestoresTheSameVersionIds() throws IOException {
		Path seed = Files.writeString(this.dir.resolve("seed.yml"), YAML);
		try (LocalSecretsManager server = LocalSecretsManager.builder().seed(seed).build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			String dbVersion = client.getSecretValue((r) -> r.secretId("db/credentials")).versionId();
			String certVersion = client.getSecretValue((r) -> r.secretId("cert")).versionId();
			server.reset();
			server.seed(seed);
			assertThat(client.getSecretValue((r) -> r.secretId("db/credentials")).versionId()).isEqualTo(dbVersion);
			assertThat(client.getSecretValue((r) -> r.secretId("cert")).versionId()).isEqualTo(certVersion);
		}
	}

	@Test
	void seedingAChangedValueAfterAResetGivesAnotherVersionId() throws IOException {
		Path seed = Files.writeString(this.dir.resolve("seed.yml"), "secrets: [{name: k, string: dummy-1}]");
		try (LocalSecretsManager server = LocalSecretsManager.builder().seed(seed).build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			String before = client.getSecretValue((r) -> r.secretId("k")).versionId();
			server.reset();
			Files.writeString(seed, "secrets: [{name: k, string: dummy-2}]");
			server.seed(seed);
			assertThat(client.getSecretValue((r) -> r.secretId("k")).versionId()).isNotEqualTo(before);
		}
	}

	@Test
	void invalidEntryNamesTheFileAndSecretButNotTheValue() throws IOException {
		Path seed = Files.writeString(this.dir.resolve("seed.yml"),
				"secrets: [{name: k, string: dummy-secret-value, binary: ZHVtbXk=}]");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalSecretsManager.builder().seed(seed).build())
			.withMessageContaining("seed.yml")
			.withMessageContaining("secret 'k'")
			.withMessageNotContaining("dummy-secret-value");
	}

	@Test
	void missingSecretsListIsExplained() throws IOException {
		Path seed = Files.writeString(this.dir.resolve("seed.yml"), "things: []");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalSecretsManager.builder().seed(seed).build())
			.withMessageContaining("'secrets' list");
	}

}
