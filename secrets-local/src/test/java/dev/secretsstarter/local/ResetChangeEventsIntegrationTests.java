package dev.secretsstarter.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.secretsstarter.local.SecretChangeEvent.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A reset announces what it really changed: DELETED for a secret it forgets, VALUE_CHANGED for a
 * seeded secret whose value it puts back, CREATED for a seeded secret that was missing (or replaced by
 * one with another ARN), and nothing for a seeded secret that ends up as it was.
 */
class ResetChangeEventsIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void aResetAnnouncesEverySecretItForgetsAsDeleted() {
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start()) {
			server.createSecret("written/by-test", "dummy-test");
			List<SecretChangeEvent> events = listen(server);
			server.reset();
			assertThat(events).extracting(SecretChangeEvent::type, SecretChangeEvent::name)
				.containsExactly(tuple(Type.DELETED, "written/by-test"));
		}
	}

	@Test
	void aResetToTheSeededStateAnnouncesASecretATestCreatedAsDeleted() throws IOException {
		List<Path> files = List.of(seedFile("seed.yml", "secrets: [{name: seeded, string: dummy-seeded}]"));
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start()) {
			server.reset(files, Map.of());
			server.createSecret("written/by-test", "dummy-test");
			List<SecretChangeEvent> events = listen(server);
			server.reset(files, Map.of());
			assertThat(events).extracting(SecretChangeEvent::type, SecretChangeEvent::name)
				.containsExactly(tuple(Type.DELETED, "written/by-test"));
		}
	}

	@Test
	void aResetAnnouncesASeededSecretWhoseValueItPutsBackAsValueChanged() throws IOException {
		List<Path> files = List.of(seedFile("seed.yml", "secrets: [{name: seeded, string: dummy-seeded}]"));
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			server.reset(files, Map.of());
			client.putSecretValue((r) -> r.secretId("seeded").secretString("dummy-changed"));
			List<SecretChangeEvent> events = listen(server);
			server.reset(files, Map.of());
			String restored = client.getSecretValue((r) -> r.secretId("seeded")).versionId();
			assertThat(events).extracting(SecretChangeEvent::type, SecretChangeEvent::name,
					SecretChangeEvent::currentVersionId)
				.containsExactly(tuple(Type.VALUE_CHANGED, "seeded", restored));
		}
	}

	@Test
	void aResetAnnouncesNothingForSeededSecretsThatEndUpAsTheyWere() throws IOException {
		List<Path> files = List.of(seedFile("seed.yml", "secrets: [{name: from/file, string: dummy-file}]"));
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start()) {
			server.reset(files, Map.of("from/code", "dummy-code"));
			List<SecretChangeEvent> events = listen(server);
			server.reset(files, Map.of("from/code", "dummy-code"));
			assertThat(events).isEmpty();
		}
	}

	@Test
	void aResetAnnouncesASeededSecretThatWasMissingAsCreated() throws IOException {
		List<Path> files = List.of(seedFile("seed.yml", "secrets: [{name: seeded, string: dummy-seeded}]"));
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			server.reset(files, Map.of());
			client.deleteSecret((r) -> r.secretId("seeded").forceDeleteWithoutRecovery(true));
			List<SecretChangeEvent> events = listen(server);
			server.reset(files, Map.of());
			assertThat(events).extracting(SecretChangeEvent::type, SecretChangeEvent::name)
				.containsExactly(tuple(Type.CREATED, "seeded"));
		}
	}

	@Test
	void aResetAnnouncesASeededSecretThatWasScheduledForDeletionAsRestored() throws IOException {
		List<Path> files = List.of(seedFile("seed.yml", "secrets: [{name: seeded, string: dummy-seeded}]"));
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			server.reset(files, Map.of());
			client.deleteSecret((r) -> r.secretId("seeded"));
			List<SecretChangeEvent> events = listen(server);
			server.reset(files, Map.of());
			assertThat(events).extracting(SecretChangeEvent::type, SecretChangeEvent::name)
				.containsExactly(tuple(Type.RESTORED, "seeded"));
		}
	}

	@Test
	void aResetAnnouncesASecretATestCreatedUnderASeededNameAsDeletedAndTheSeededOneAsCreated() throws IOException {
		List<Path> files = List.of(seedFile("seed.yml", "secrets: [{name: seeded, string: dummy-seeded}]"));
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			server.reset(files, Map.of());
			String seeded = client.describeSecret((r) -> r.secretId("seeded")).arn();
			String seededVersion = client.getSecretValue((r) -> r.secretId("seeded")).versionId();
			client.deleteSecret((r) -> r.secretId("seeded").forceDeleteWithoutRecovery(true));
			// Another secret under the same name, value and version id: only its ARN tells it apart.
			String created = client
				.createSecret((r) -> r.name("seeded").secretString("dummy-seeded").clientRequestToken(seededVersion))
				.arn();
			List<SecretChangeEvent> events = listen(server);
			server.reset(files, Map.of());
			assertThat(events).extracting(SecretChangeEvent::type, SecretChangeEvent::arn)
				.containsExactly(tuple(Type.DELETED, created), tuple(Type.CREATED, seeded));
		}
	}

	@Test
	void aListenerToldThatAResetDeletedASecretFindsTheSeededSecretsThere() throws IOException {
		List<Path> files = List.of(seedFile("seed.yml", "secrets: [{name: seeded, string: dummy-seeded}]"));
		try (LocalSecretsManager server = LocalSecretsManager.builder().build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			server.reset(files, Map.of());
			server.createSecret("written/by-test", "dummy-test");
			List<String> found = new CopyOnWriteArrayList<>();
			server.addListener((event) -> found.add(event.type() + " " + event.name() + ": "
					+ client.getSecretValue((r) -> r.secretId("seeded")).secretString()));
			server.reset(files, Map.of());
			assertThat(found).containsExactly("DELETED written/by-test: dummy-seeded");
		}
	}

	private static List<SecretChangeEvent> listen(LocalSecretsManager server) {
		List<SecretChangeEvent> events = new CopyOnWriteArrayList<>();
		server.addListener(events::add);
		return events;
	}

	private Path seedFile(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

}
