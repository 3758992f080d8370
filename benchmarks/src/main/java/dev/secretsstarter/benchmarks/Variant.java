package dev.secretsstarter.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.secretsstarter.local.LocalSecretsManager;

/**
 * What a child JVM runs: the same Boot application with no secrets starter, with Spring Cloud
 * AWS, or with secrets-starter, each on its own class path.
 *
 * @author secrets-starter team
 */
public enum Variant {

	/** The Boot application alone: the base line every "added start-up" is measured from. */
	BASELINE("no starter", "dev.secretsstarter.benchmarks.apps.BaselineApp",
			Set.of("spring-cloud-aws-starter-secrets-manager", "spring-cloud-aws-secrets-manager",
					"spring-cloud-aws-core", "spring-cloud-aws-starter", "spring-cloud-aws-autoconfigure",
					"secrets-starter", "secrets-starter-autoconfigure", "apache5-client", "httpclient5",
					"httpcore5", "httpcore5-h2", "url-connection-client"),
			Set.of("software/amazon/awssdk/", "com/amazonaws/")),

	/** Spring Cloud AWS 4.0 with its own HTTP client (Apache 5 through the SDK). */
	SPRING_CLOUD_AWS("Spring Cloud AWS", "dev.secretsstarter.benchmarks.apps.SpringCloudAwsApp",
			Set.of("secrets-starter", "secrets-starter-autoconfigure", "url-connection-client"), Set.of()),

	/** secrets-starter as its starter declares it (URL-connection HTTP client). */
	OURS("secrets-starter", "dev.secretsstarter.benchmarks.apps.OursApp",
			Set.of("spring-cloud-aws-starter-secrets-manager", "spring-cloud-aws-secrets-manager",
					"spring-cloud-aws-core", "spring-cloud-aws-starter", "spring-cloud-aws-autoconfigure",
					"apache5-client", "httpclient5", "httpcore5", "httpcore5-h2"),
			Set.of());

	/** Artifacts no child needs: the harness, the incumbent caching client, the server the launcher hosts. */
	private static final Set<String> NEVER_IN_CHILD = Set.of("jmh-core", "jopt-simple", "commons-math3",
			"aws-secretsmanager-caching-java", "aws-java-sdk-secretsmanager", "aws-java-sdk-core", "jmespath-java",
			"ion-java", "jackson-dataformat-cbor", "httpclient", "httpcore", "joda-time", "secrets-local");

	private final String label;

	private final String mainClass;

	private final Set<String> excludedArtifacts;

	private final Set<String> excludedPathParts;

	Variant(String label, String mainClass, Set<String> excludedArtifacts, Set<String> excludedPathParts) {
		this.label = label;
		this.mainClass = mainClass;
		this.excludedArtifacts = excludedArtifacts;
		this.excludedPathParts = excludedPathParts;
	}

	public String label() {
		return this.label;
	}

	public String mainClass() {
		return this.mainClass;
	}

	boolean keeps(String artifactId) {
		return !this.excludedArtifacts.contains(artifactId) && !NEVER_IN_CHILD.contains(artifactId);
	}

	boolean keepsPath(String path) {
		for (String part : this.excludedPathParts) {
			if (path.replace('\\', '/').contains(part)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The command-line properties that point this variant at a server and import secrets.
	 * @param server the server
	 * @param imports the {@code spring.config.import} value, or empty for none
	 * @return the arguments
	 */
	public List<String> connectionArguments(LocalSecretsManager server, String imports) {
		List<String> args = new ArrayList<>();
		String endpoint = server.endpoint().toString();
		switch (this) {
			case SPRING_CLOUD_AWS -> {
				args.add("--spring.cloud.aws.endpoint=" + endpoint);
				args.add("--spring.cloud.aws.region.static=" + server.region());
				args.add("--spring.cloud.aws.credentials.access-key=" + server.accessKeyId());
				args.add("--spring.cloud.aws.credentials.secret-key=" + server.secretAccessKey());
			}
			case OURS -> {
				args.add("--secrets.endpoint=" + endpoint);
				args.add("--secrets.region=" + server.region());
				args.add("--secrets.credentials.access-key=" + server.accessKeyId());
				args.add("--secrets.credentials.secret-key=" + server.secretAccessKey());
			}
			case BASELINE -> {
			}
		}
		if (!imports.isEmpty() && this != BASELINE) {
			args.add("--spring.config.import=" + imports);
		}
		return args;
	}

}
