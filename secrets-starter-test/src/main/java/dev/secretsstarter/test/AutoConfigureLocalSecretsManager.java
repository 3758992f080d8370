package dev.secretsstarter.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs a Spring Boot test against an embedded secrets-local server, early enough for
 * {@code spring.config.import=aws-secretsmanager:…} and {@code @SecretValue}: the annotation turns
 * on local mode ({@code secrets.local.enabled=true}) through inlined test properties, which Spring
 * adds to the environment before config data is processed (a context customizer would be too
 * late). Any {@code secrets.endpoint} of the application is blanked for the test.
 * <p>
 * The server is the bean {@code LocalSecretsManager}; inject {@link SecretRefreshAwaiter} to wait
 * for a rotation to reach the application. Each distinct configuration gets its own cached
 * context and so its own server.
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureLocalSecretsManager(seed = "classpath:local-secrets.yml")
 * class ApplicationTests { ... }
 * }</pre>
 *
 * @author secrets-starter team
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = { "secrets.local.enabled=true", "secrets.endpoint=" },
		factory = LocalSecretsSeedPropertySourceFactory.class)
public @interface AutoConfigureLocalSecretsManager {

	/**
	 * The seed file, as a Spring resource location (YAML, or JSON when the name ends in
	 * {@code .json}; format in {@code docs/local-server.md}). At most one.
	 * @return the seed file location, or none
	 */
	@AliasFor(annotation = TestPropertySource.class, attribute = "locations")
	String[] seed() default {};

	/**
	 * When to put the server back to its seeded state.
	 * @return the reset mode
	 */
	Reset reset() default Reset.NEVER;

	/**
	 * When the server forgets what tests wrote and is seeded again.
	 */
	enum Reset {

		/**
		 * Never: tests share whatever they write within one application context.
		 */
		NEVER,

		/**
		 * After each test method: every secret, call count and fault is forgotten and the seed
		 * file is seeded again. Values the application already cached stay cached. Seeded
		 * secrets come back with the version ids they had after the first seeding, so the
		 * application sees only the secrets a test changed as rotated.
		 */
		AFTER_EACH_TEST

	}

}
