package dev.secretsstarter.inject;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

import dev.secretsstarter.cache.SecretKey;

/**
 * One place where a secret is injected: a {@link SecretValue @SecretValue} field, setter,
 * constructor parameter or {@code @Bean} method parameter of a bean. Never holds a value.
 *
 * @param beanName the bean
 * @param member the member within the bean: {@code password}, {@code setPassword(..)},
 * {@code <init>(password)} or {@code dataSource(password)}
 * @param kind what kind of member
 * @param wrapper how the value is wrapped in the declared type
 * @param key the cache key (placeholders resolved)
 * @param jsonKey the JSON key, or {@code null} for the whole value
 * @param required whether a missing secret or key fails
 * @param valueType the type the value is converted to (inside any {@code Optional} or handle)
 * @author secrets-starter team
 */
public record SecretInjectionSite(String beanName, String member, Kind kind, Wrapper wrapper, SecretKey key,
		@Nullable String jsonKey, boolean required, ResolvableType valueType) {

	/**
	 * The site as {@code beanName.member}, for messages and usages.
	 * @return the description
	 */
	public String description() {
		return this.beanName + "." + this.member;
	}

	/**
	 * How the site is recorded in {@link dev.secretsstarter.cache.SecretUsages}.
	 * @return {@code "@SecretValue bean.member"} or {@code "SecretHandle bean.member"}
	 */
	public String usage() {
		return ((this.wrapper == Wrapper.HANDLE) ? "SecretHandle " : "@SecretValue ") + description();
	}

	/**
	 * Whether the site is re-injected when the secret rotates.
	 * @return whether a field or setter without a handle
	 */
	public boolean isReinjectable() {
		return (this.kind == Kind.FIELD || this.kind == Kind.SETTER) && this.wrapper != Wrapper.HANDLE;
	}

	/**
	 * The kind of member annotated.
	 */
	public enum Kind {

		/** A field. */
		FIELD,

		/** A single-argument method. */
		SETTER,

		/** A constructor parameter. */
		CONSTRUCTOR_PARAMETER,

		/** A parameter of a factory ({@code @Bean}) method or another autowired method. */
		METHOD_PARAMETER

	}

	/**
	 * How the converted value is wrapped.
	 */
	public enum Wrapper {

		/** The value itself. */
		NONE,

		/** {@code Optional<T>}. */
		OPTIONAL,

		/** {@code SecretHandle<T>}. */
		HANDLE

	}

}
