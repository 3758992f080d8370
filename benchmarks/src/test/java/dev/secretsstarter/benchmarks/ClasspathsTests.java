package dev.secretsstarter.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ClasspathsTests {

	@TempDir
	Path module;

	@Test
	void artifactOfAJarIsItsNameWithoutTheVersion() {
		assertThat(Classpaths.artifactOf("/m2/io/awspring/cloud/spring-cloud-aws-core/4.0.0/spring-cloud-aws-core-4.0.0.jar"))
			.isEqualTo("spring-cloud-aws-core");
	}

	@Test
	void artifactOfAReactorModuleIsItsDirectory() {
		assertThat(Classpaths.artifactOf("/work/repo/secrets-local/target/classes")).isEqualTo("secrets-local");
	}

	@Test
	void ourVariantLeavesOutSpringCloudAwsAndItsHttpClient() throws IOException {
		Classpaths classpaths = classpath("/m2/spring-boot-4.0.7.jar", "/m2/spring-cloud-aws-autoconfigure-4.0.0.jar",
				"/m2/apache5-client-2.57.8.jar", "/repo/secrets-starter-autoconfigure/target/secrets-starter-autoconfigure-0.1.0-SNAPSHOT.jar",
				"/m2/url-connection-client-2.57.8.jar");
		assertThat(classpaths.forVariant(Variant.OURS)).contains("spring-boot-4.0.7.jar", "secrets-starter-autoconfigure",
				"url-connection-client").doesNotContain("spring-cloud-aws", "apache5-client");
	}

	@Test
	void springCloudAwsVariantLeavesOutOurStarter() throws IOException {
		Classpaths classpaths = classpath("/m2/spring-cloud-aws-autoconfigure-4.0.0.jar",
				"/repo/secrets-starter-autoconfigure/target/secrets-starter-autoconfigure-0.1.0-SNAPSHOT.jar",
				"/m2/apache5-client-2.57.8.jar");
		assertThat(classpaths.forVariant(Variant.SPRING_CLOUD_AWS)).contains("spring-cloud-aws-autoconfigure", "apache5-client")
			.doesNotContain("secrets-starter-autoconfigure");
	}

	@Test
	void baselineLeavesOutEveryAwsArtifact() throws IOException {
		Classpaths classpaths = classpath("/m2/spring-boot-4.0.7.jar",
				"/m2/software/amazon/awssdk/sdk-core/2.57.8/sdk-core-2.57.8.jar", "/m2/spring-cloud-aws-core-4.0.0.jar");
		assertThat(classpaths.forVariant(Variant.BASELINE)).contains("spring-boot-4.0.7.jar")
			.doesNotContain("sdk-core", "spring-cloud-aws");
	}

	@Test
	void theServerIsOnlyInAChildThatHostsIt() throws IOException {
		Classpaths classpaths = classpath("/repo/secrets-local/target/secrets-local-0.1.0-SNAPSHOT.jar");
		assertThat(classpaths.forVariant(Variant.OURS)).doesNotContain("secrets-local");
		assertThat(classpaths.forVariant(Variant.OURS, true, false)).contains("secrets-local");
	}

	@Test
	void theRefreshStackIsOnlyInAChildThatPolls() throws IOException {
		Classpaths classpaths = classpath("/m2/spring-cloud-context-5.0.4.jar", "/m2/spring-boot-actuator-4.0.7.jar");
		assertThat(classpaths.forVariant(Variant.SPRING_CLOUD_AWS)).doesNotContain("spring-cloud-context", "actuator");
		assertThat(classpaths.forVariant(Variant.SPRING_CLOUD_AWS, false, true)).contains("spring-cloud-context",
				"spring-boot-actuator");
	}

	@Test
	void versionOfReadsTheJarName() throws IOException {
		assertThat(classpath("/m2/spring-cloud-aws-secrets-manager-4.0.0.jar").versionOf("spring-cloud-aws-secrets-manager"))
			.isEqualTo("4.0.0");
	}

	private Classpaths classpath(String... entries) throws IOException {
		Files.createDirectories(this.module.resolve("target"));
		Files.writeString(this.module.resolve("target/classpath.txt"), String.join(java.io.File.pathSeparator, List.of(entries)));
		return Classpaths.load(this.module);
	}

}
