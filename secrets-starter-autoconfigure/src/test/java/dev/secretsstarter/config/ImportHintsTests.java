package dev.secretsstarter.config;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ImportHintsTests {

	@TempDir
	Path classpath;

	@TempDir
	Path workingDirectory;

	private final Map<String, String> systemProperties = new HashMap<>();

	private final Map<String, String> environment = new HashMap<>();

	private ImportHints hints(String... args) throws IOException {
		URLClassLoader classLoader = new URLClassLoader(new URL[] { this.classpath.toUri().toURL() }, null);
		return new ImportHints(List.of(args), this.systemProperties::get, this.environment::get, classLoader,
				this.workingDirectory);
	}

	private void write(Path root, String file, String content) throws IOException {
		Files.createDirectories(root.resolve(file).getParent());
		Files.writeString(root.resolve(file), content);
	}

	@Test
	void nothingMentioningAnImportIsNoHint() throws IOException {
		write(this.classpath, "application.yml", "spring.config.import: optional:file:./extra.yml\n");
		assertThat(hints("--server.port=0").importLikely()).isFalse();
	}

	@Test
	void anImportOnTheCommandLineIsAHint() throws IOException {
		assertThat(hints("--spring.config.import=aws-secretsmanager:db/credentials").importLikely()).isTrue();
	}

	@Test
	void anImportInASystemPropertyOrTheEnvironmentIsAHint() throws IOException {
		this.systemProperties.put("spring.config.import", "aws-secretsmanager:a");
		assertThat(hints().importLikely()).isTrue();
		this.systemProperties.clear();
		this.environment.put("SPRING_CONFIG_IMPORT", "optional:aws-secretsmanager:a");
		assertThat(hints().importLikely()).isTrue();
	}

	@Test
	void anImportInTheDefaultConfigurationFileOnTheClassPathIsAHint() throws IOException {
		write(this.classpath, "application.yml", "spring:\n  config:\n    import: aws-secretsmanager:db\n");
		assertThat(hints().importLikely()).isTrue();
	}

	@Test
	void anImportInAConfigDirectoryOfTheWorkingDirectoryIsAHint() throws IOException {
		write(this.workingDirectory, "config/application.properties", "spring.config.import=aws-secretsmanager:db\n");
		assertThat(hints().importLikely()).isTrue();
	}

	@Test
	void profileFilesCountOnlyForProfilesActiveThisEarly() throws IOException {
		write(this.classpath, "application-cloud.yaml", "spring.config.import: aws-secretsmanager:db\n");
		assertThat(hints().importLikely()).isFalse();
		this.environment.put("SPRING_PROFILES_ACTIVE", "dev, cloud");
		assertThat(hints().importLikely()).isTrue();
	}

	@Test
	void aCustomConfigNameIsFollowed() throws IOException {
		write(this.classpath, "service.properties", "spring.config.import=aws-secretsmanager:db\n");
		assertThat(hints().importLikely()).isFalse();
		assertThat(hints("--spring.config.name=service").importLikely()).isTrue();
	}

	@Test
	void warmUpIsAllowedUnlessSwitchedOff() throws IOException {
		assertThat(hints().warmUpAllowed()).isTrue();
		assertThat(hints("--secrets.warm-up.enabled=false").warmUpAllowed()).isFalse();
		assertThat(hints("--secrets.enabled=false").warmUpAllowed()).isFalse();
		this.environment.put("SECRETS_WARMUP_ENABLED", "FALSE");
		assertThat(hints().warmUpAllowed()).isFalse();
		this.environment.clear();
		this.systemProperties.put("secrets.warm-up.enabled", "false");
		assertThat(hints().warmUpAllowed()).isFalse();
	}

}
