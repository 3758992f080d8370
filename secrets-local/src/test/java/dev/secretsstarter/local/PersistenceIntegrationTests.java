package dev.secretsstarter.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.secretsstarter.local.persist.DataFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import static org.assertj.core.api.Assertions.assertThat;

class PersistenceIntegrationTests {

	private static final String VALUE = "{\"password\":\"dummy-persisted-value\"}";

	@TempDir
	Path dir;

	@Test
	void acknowledgedWritesSurviveARestart() {
		Path data = this.dir.resolve("secrets.dat");
		try (LocalSecretsManager server = LocalSecretsManager.builder().dataFile(data).build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			client.createSecret((r) -> r.name("s").secretString(VALUE).description("d"));
			client.putSecretValue((r) -> r.secretId("s").secretString("dummy-2"));
			client.createSecret((r) -> r.name("bin").secretBinary(SdkBytes.fromUtf8String("dummy-bin")));
		}
		try (LocalSecretsManager server = LocalSecretsManager.builder().dataFile(data).build().start();
				SecretsManagerClient client = LocalServerTestSupport.client(server, "us-east-1")) {
			assertThat(client.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy-2");
			assertThat(client.getSecretValue((r) -> r.secretId("s").versionStage("AWSPREVIOUS")).secretString())
				.isEqualTo(VALUE);
			assertThat(client.describeSecret((r) -> r.secretId("s")).description()).isEqualTo("d");
			assertThat(client.getSecretValue((r) -> r.secretId("bin")).secretBinary().asUtf8String()).isEqualTo("dummy-bin");
		}
	}

	@Test
	void dataFileHoldsNoValueInClear() throws IOException {
		Path data = this.dir.resolve("secrets.dat");
		try (LocalSecretsManager server = LocalSecretsManager.builder().dataFile(data).build().start()) {
			server.createSecret("s", VALUE);
		}
		String contents = new String(Files.readAllBytes(data), StandardCharsets.ISO_8859_1);
		assertThat(contents).doesNotContain("dummy-persisted-value").doesNotContain("password");
	}

	@Test
	void keyFileIsReadableByTheOwnerOnly() throws IOException {
		Path data = this.dir.resolve("secrets.dat");
		try (LocalSecretsManager server = LocalSecretsManager.builder().dataFile(data).build().start()) {
			server.createSecret("s", VALUE);
		}
		Path key = DataFile.keyFileFor(data);
		assertThat(key).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
	}

	@Test
	void acknowledgedWritesSurviveKillMinusNine() throws Exception {
		Path data = this.dir.resolve("secrets.dat");
		Process first = startChild(data);
		try {
			URI endpoint = readEndpoint(first);
			try (SecretsManagerClient client = LocalServerTestSupport.client(endpoint, "us-east-1", "test", "test")) {
				client.createSecret((r) -> r.name("s").secretString("dummy-1"));
				client.putSecretValue((r) -> r.secretId("s").secretString("dummy-2"));
			}
		}
		finally {
			first.destroyForcibly();
			assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		Process second = startChild(data);
		try {
			URI endpoint = readEndpoint(second);
			try (SecretsManagerClient client = LocalServerTestSupport.client(endpoint, "us-east-1", "test", "test")) {
				assertThat(client.getSecretValue((r) -> r.secretId("s")).secretString()).isEqualTo("dummy-2");
			}
		}
		finally {
			second.destroyForcibly();
			second.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static Process startChild(Path data) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				Main.class.getName(), "--port", "0", "--data-file", data.toString()))
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

	private static URI readEndpoint(Process process) throws Exception {
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line = CompletableFuture.supplyAsync(() -> {
			try {
				return out.readLine();
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}).get(30, TimeUnit.SECONDS);
		assertThat(line).startsWith("secrets-local listening on http://");
		return URI.create(line.split(" ")[3]);
	}


}
