package dev.secretsstarter.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Seed files that would seed something other than what they say are refused as a whole, with a
 * message that names the file, the secret and the fix, never a value.
 */
class SeedFileErrorsIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void aNameListedTwiceIsRefusedNamingBothEntriesAndTheFix() throws IOException {
		Path seed = seedFile("seed.yml", """
				secrets:
				  - name: api/key
				    string: dummy-first
				  - name: other
				    string: dummy-other
				  - name: api/key
				    string: dummy-second
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalSecretsManager.builder().seed(seed).build())
			.withMessageContaining("seed.yml")
			.withMessageContaining("'api/key'")
			.withMessageContaining("line 2")
			.withMessageContaining("line 6")
			.withMessageContaining("once")
			.withMessageNotContaining("dummy");
	}

	@Test
	void anEmptyValueIsRefusedNamingTheFileAndTheSecret() throws IOException {
		Path seed = seedFile("seed.yml", """
				secrets:
				  - name: api/key
				    value:
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalSecretsManager.builder().seed(seed).build())
			.withMessageContaining("seed.yml")
			.withMessageContaining("'api/key'")
			.withMessageContaining("empty");
	}

	@Test
	void anEmptyQuotedValueIsRefused() throws IOException {
		Path seed = seedFile("seed.json", "{\"secrets\":[{\"name\":\"api/key\",\"string\":\"\"}]}");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalSecretsManager.builder().seed(seed).build())
			.withMessageContaining("seed.json")
			.withMessageContaining("'api/key'")
			.withMessageContaining("empty");
	}

	@Test
	void aNullValueIsRefusedWithHowToQuoteTheWord() throws IOException {
		Path seed = seedFile("seed.yml", "secrets: [{name: api/key, value: null}]");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalSecretsManager.builder().seed(seed).build())
			.withMessageContaining("'api/key'")
			.withMessageContaining("quote");
	}

	@Test
	void aKeyWrittenTwiceInOneEntryIsRefused() throws IOException {
		Path seed = seedFile("seed.yml", "secrets: [{name: api/key, value: dummy-a, value: dummy-b}]");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalSecretsManager.builder().seed(seed).build())
			.withMessageContaining("'value'")
			.withMessageContaining("twice")
			.withMessageNotContaining("dummy");
	}

	@Test
	void aKeyWrittenTwiceInsideAMapValueIsRefused() throws IOException {
		Path seed = seedFile("seed.yml", "secrets: [{name: db, value: {password: dummy-a, password: dummy-b}}]");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalSecretsManager.builder().seed(seed).build())
			.withMessageContaining("'db'")
			.withMessageContaining("password")
			.withMessageNotContaining("dummy");
	}

	@Test
	void aYamlNumberThatIsNotValidJsonInsideAMapIsRefusedWithHowToQuoteIt() throws IOException {
		Path seed = seedFile("seed.yml", "secrets: [{name: db, value: {port: 5432, ratio: 1.}}]");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalSecretsManager.builder().seed(seed).build())
			.withMessageContaining("'db'")
			.withMessageContaining("ratio")
			.withMessageContaining("quote");
	}

	@Test
	void aFileWithOneInvalidEntrySeedsNoEntry() throws IOException {
		Path seed = seedFile("seed.yml", """
				secrets:
				  - name: good/one
				    string: dummy-good
				  - name: not a valid name!
				    string: dummy-bad
				""");
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			assertThatIllegalArgumentException().isThrownBy(() -> server.seed(seed))
				.withMessageContaining("seed.yml")
				.withMessageContaining("not a valid name!")
				.withMessageNotContaining("dummy");
			assertThat(client.listSecrets().secretList()).isEmpty();
		}
	}

	@Test
	void aFileWhoseEntryTargetsASecretScheduledForDeletionChangesNoOtherSecret() throws IOException {
		Path seed = seedFile("seed.yml", """
				secrets:
				  - name: good/one
				    string: dummy-good
				  - name: deleted
				    string: dummy-new
				""");
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			server.createSecret("deleted", "dummy-old");
			client.deleteSecret((r) -> r.secretId("deleted"));
			assertThatIllegalArgumentException().isThrownBy(() -> server.seed(seed))
				.withMessageContaining("'deleted'")
				.withMessageNotContaining("dummy");
			assertThat(client.listSecrets().secretList()).isEmpty();
		}
	}

	@Test
	void anEntryWithAnUnknownKeyIsRefusedNamingTheKeyTheLineAndTheAllowedKeys() throws IOException {
		Path seed = seedFile("seed.yml", """
				secrets:
				  - name: api/key
				    string: dummy-key
				    descripton: The API key
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalSecretsManager.builder().seed(seed).build())
			.withMessageContaining("seed.yml")
			.withMessageContaining("'api/key'")
			.withMessageContaining("'descripton'")
			.withMessageContaining("line 4")
			.withMessageContaining("name, value, string, binary, description, tags")
			.withMessageNotContaining("dummy");
	}

	@Test
	void aMisspelledValueKeyIsReportedAsUnknownRatherThanAsAMissingValue() throws IOException {
		Path seed = seedFile("seed.json", "{\"secrets\":[{\"name\":\"api/key\",\"vaule\":\"dummy-key\"}]}");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalSecretsManager.builder().seed(seed).build())
			.withMessageContaining("seed.json")
			.withMessageContaining("'api/key'")
			.withMessageContaining("'vaule'")
			.withMessageNotContaining("dummy");
	}

	@Test
	void anUnknownTopLevelKeyIsRefused() throws IOException {
		Path seed = seedFile("seed.yml", """
				secrets:
				  - name: api/key
				    string: dummy-key
				secret:
				  - name: other
				    string: dummy-other
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalSecretsManager.builder().seed(seed).build())
			.withMessageContaining("seed.yml")
			.withMessageContaining("'secret'")
			.withMessageContaining("line 4")
			.withMessageNotContaining("dummy");
	}

	private Path seedFile(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

}
