package dev.secretsstarter.inject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Injects the value of an AWS Secrets Manager secret, read through the application's
 * {@link dev.secretsstarter.cache.SecretCache}.
 * <p>
 * Usable on fields, setter methods, constructor parameters and {@code @Bean} method parameters:
 * <pre class="code">
 * &#064;SecretValue("api/key") String apiKey;
 * &#064;SecretValue(id = "db/credentials", key = "password") char[] password;
 * &#064;SecretValue("db/credentials") DbCredentials credentials;          // JSON to a record
 * &#064;SecretValue("db/credentials") SecretHandle&lt;DbCredentials&gt; live;  // always current
 * </pre>
 * Supported targets: {@code String}, {@code char[]}, {@code byte[]} (binary secrets, or the
 * string's UTF-8 bytes), {@code Map} and any record or POJO (from JSON, through Jackson), single
 * values of any type Spring's {@code ConversionService} converts from a string ({@code int},
 * {@code Duration}, {@code URI}, …), {@code Optional<T>} on fields and setters, and
 * {@link SecretHandle SecretHandle&lt;T&gt;}.
 * <p>
 * Fields and setters of singleton beans are re-injected when the cache starts serving a new
 * version of the secret; constructor and {@code @Bean} method parameters are not (the object was
 * built with the old value): inject a {@link SecretHandle} there, or use {@code @RefreshScope}.
 *
 * @author secrets-starter team
 * @see SecretHandle
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SecretValue {

	/**
	 * Alias for {@link #id()}.
	 * @return the secret name or ARN
	 */
	@AliasFor("id")
	String value() default "";

	/**
	 * The secret name or ARN. {@code ${…}} placeholders are resolved against the environment.
	 * @return the secret name or ARN
	 */
	@AliasFor("value")
	String id() default "";

	/**
	 * A field of the secret's JSON value to inject instead of the whole value: a top-level name
	 * ({@code password}), a dotted path into nested objects ({@code db.password}) or an array
	 * element ({@code hosts[0]}). A top-level name that itself contains dots is matched first.
	 * Empty (the default) injects the whole value. Placeholders are resolved.
	 * @return the JSON key, or empty
	 */
	String key() default "";

	/**
	 * The staging label of the version to inject. Empty (the default) means {@code AWSCURRENT},
	 * unless {@link #versionId()} is given. Placeholders are resolved.
	 * @return the staging label, or empty
	 */
	String versionStage() default "";

	/**
	 * A fixed version id to inject; exclusive with {@link #versionStage()}. A fixed version never
	 * rotates. Placeholders are resolved.
	 * @return the version id, or empty
	 */
	String versionId() default "";

	/**
	 * Whether the secret (and the key, if given) must exist. When {@code true} (the default) a
	 * missing one fails start-up. When {@code false} a missing one leaves a field or setter
	 * untouched (its initial value stays), injects {@code Optional.empty()} into an
	 * {@code Optional}, {@code null} into a {@code @Nullable} parameter, and a handle whose
	 * {@code get()} returns {@code null} until the secret appears in the cache. Other failures
	 * (access denied, malformed JSON, a wrong type) fail start-up either way.
	 * @return whether required
	 */
	boolean required() default true;

}
