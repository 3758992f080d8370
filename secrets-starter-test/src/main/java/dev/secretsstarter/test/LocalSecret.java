package dev.secretsstarter.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A secret that {@link LocalSecretsManagerExtension} creates on the embedded server: on a test
 * class (or an enclosing class), when the server starts for the class; on a test method, before
 * that test. An existing secret gets the value as a new current version. Written like a seed file
 * entry, with a version id derived from name and value; {@link LocalSecrets#reset()} writes it again,
 * with the same version id, for as long as the class (or the test method) runs. Repeatable.
 * <pre>{@code
 * @ExtendWith(LocalSecretsManagerExtension.class)
 * @LocalSecret(name = "db/credentials", value = "{\"password\":\"dummy\"}")
 * class RepositoryTests { ... }
 * }</pre>
 *
 * @author secrets-starter team
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(LocalSecret.List.class)
public @interface LocalSecret {

	/**
	 * Name of the secret.
	 * @return the name
	 */
	String name();

	/**
	 * The secret string, often JSON. Use obvious dummies.
	 * @return the value
	 */
	String value();

	/**
	 * Container of repeated {@link LocalSecret} annotations.
	 */
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Inherited
	@interface List {

		LocalSecret[] value();

	}

}
