package dev.secretsstarter.inject;

import java.lang.reflect.Executable;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretLoadFailures;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.cache.SecretUsages;
import dev.secretsstarter.core.SecretNotFoundException;
import dev.secretsstarter.inject.SecretInjectionException.Reason;
import dev.secretsstarter.inject.SecretInjectionSite.Kind;
import dev.secretsstarter.inject.SecretInjectionSite.Wrapper;

/**
 * The shared logic of {@link SecretValue @SecretValue} injection, used by the bean post-processor
 * (fields, setters) and the autowire candidate resolver (parameters): resolving an annotation to
 * a site, loading keys in one batch, converting, wrapping in {@code Optional} or a handle, and
 * recording the site. The cache, the JSON mapper and the conversion service are looked up on
 * first use, so that the post-processor does not create them early.
 * <p>
 * Before its first load, the injector loads the keys of every {@code @SecretValue} site of the
 * application in one call to the cache (the <em>prefetch</em>, keys supplied by
 * {@link SecretValuePrefetcher}), so that start-up costs one {@code BatchGetSecretValue} call per
 * 20 secrets rather than one per bean. Failures of the prefetch are ignored: the sites load their
 * keys again through the normal path, which reports them. Thread-safe.
 *
 * @author secrets-starter team
 */
final class SecretValueInjector {

	private static final Log logger = LogFactory.getLog(SecretValueInjector.class);

	/** Returned by {@link #resolve} when an optional secret or key is absent and nothing is injected. */
	static final Object ABSENT = new Object();

	private final ConfigurableListableBeanFactory beanFactory;

	private final Environment environment;

	private final Supplier<SecretCache> cache;

	private final SecretInjectionSites sites;

	private final AtomicReference<@Nullable Supplier<Collection<SecretKey>>> prefetch;

	SecretValueInjector(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		this(beanFactory, environment, null);
	}

	/**
	 * Create an injector.
	 * @param beanFactory the bean factory
	 * @param environment the environment, for placeholders when the factory has no resolver
	 * @param prefetch the keys to load in one call before the first load, or {@code null}
	 */
	SecretValueInjector(ConfigurableListableBeanFactory beanFactory, Environment environment,
			@Nullable Supplier<Collection<SecretKey>> prefetch) {
		this.beanFactory = beanFactory;
		this.environment = environment;
		this.prefetch = new AtomicReference<>(prefetch);
		this.cache = SingletonSupplier.of(this::lookUpCache);
		Supplier<SecretValueConverter> converter = SingletonSupplier.of(this::createConverter);
		Supplier<@Nullable SecretUsages> usages = () -> beanFactory.getBeanProvider(SecretUsages.class)
			.getIfAvailable();
		this.sites = new SecretInjectionSites(this.cache, converter, usages);
	}

	SecretInjectionSites sites() {
		return this.sites;
	}

	private SecretCache lookUpCache() {
		try {
			SecretCache found = this.beanFactory.getBean(SecretCache.class);
			found.addListener(this.sites);
			return found;
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new IllegalStateException("@SecretValue needs a SecretCache bean; none is defined. Check that "
					+ "'secrets.enabled' is not false and the secrets-starter auto-configuration is active.", ex);
		}
	}

	private SecretValueConverter createConverter() {
		JsonMapper jsonMapper = this.beanFactory.getBeanProvider(JsonMapper.class).getIfUnique(JsonMapper::shared);
		ConversionService conversionService = this.beanFactory.getConversionService();
		return new SecretValueConverter(jsonMapper,
				(conversionService != null) ? conversionService : ApplicationConversionService.getSharedInstance());
	}

	/**
	 * Resolve an annotated member to a site.
	 * @param beanName the bean
	 * @param member the member description
	 * @param kind the kind of member
	 * @param annotation the annotation
	 * @param declaredType the member's declared type
	 * @return the site
	 */
	SecretInjectionSite site(String beanName, String member, Kind kind, MergedAnnotation<SecretValue> annotation,
			ResolvableType declaredType) {
		String site = beanName + "." + member;
		String id = resolve(site, annotation, "id");
		String jsonKey = resolve(site, annotation, "key");
		String stage = resolve(site, annotation, "versionStage");
		String versionId = resolve(site, annotation, "versionId");
		if (!StringUtils.hasText(id)) {
			throw invalid(site, null, "no secret name or ARN is given",
					"Name the secret: @SecretValue(\"my/secret\") or @SecretValue(id = \"my/secret\").");
		}
		if (StringUtils.hasText(stage) && StringUtils.hasText(versionId)) {
			throw invalid(site, null, "both versionStage and versionId are given for secret '" + id + "'",
					"Give either a version stage or a version id, not both.");
		}
		SecretKey key = StringUtils.hasText(versionId) ? SecretKey.version(id, versionId)
				: SecretKey.stage(id, StringUtils.hasText(stage) ? stage : SecretKey.AWSCURRENT);
		Class<?> raw = declaredType.toClass();
		Wrapper wrapper = (raw == SecretHandle.class) ? Wrapper.HANDLE
				: (raw == Optional.class) ? Wrapper.OPTIONAL : Wrapper.NONE;
		ResolvableType valueType = (wrapper != Wrapper.NONE) ? declaredType.getGeneric(0) : declaredType;
		if (valueType.resolve() == null) {
			throw invalid(site, key, "the type " + declaredType + " does not name its value type",
					"Declare the value type, for example SecretHandle<String> or Optional<DbCredentials>.");
		}
		return new SecretInjectionSite(beanName, member, kind, wrapper, key,
				StringUtils.hasText(jsonKey) ? jsonKey : null, annotation.getBoolean("required"), valueType);
	}

	/**
	 * The keys of the {@code @SecretValue} parameters of a constructor or method. Parameters whose
	 * declaration cannot be resolved are left out; they fail when the parameter itself is resolved.
	 * @param owner the bean
	 * @param executable the constructor or method
	 * @return the keys, possibly empty
	 */
	Set<SecretKey> parameterKeys(String owner, Executable executable) {
		Set<SecretKey> keys = new LinkedHashSet<>();
		for (int i = 0; i < executable.getParameterCount(); i++) {
			MethodParameter parameter = MethodParameter.forExecutable(executable, i);
			MergedAnnotation<SecretValue> annotation = parameterAnnotation(parameter);
			if (annotation.isPresent()) {
				try {
					keys.add(site(owner, "arg" + i, Kind.METHOD_PARAMETER, annotation,
							ResolvableType.forMethodParameter(parameter)).key());
				}
				catch (RuntimeException ex) {
					// Reported when that parameter is resolved.
				}
			}
		}
		return keys;
	}

	/**
	 * The {@code @SecretValue} annotation of a parameter.
	 * @param parameter the parameter
	 * @return the annotation, possibly missing
	 */
	static MergedAnnotation<SecretValue> parameterAnnotation(MethodParameter parameter) {
		return MergedAnnotations.from(parameter.getParameterAnnotations()).get(SecretValue.class);
	}

	private String resolve(String site, MergedAnnotation<SecretValue> annotation, String attribute) {
		String value = annotation.getString(attribute);
		if (!value.contains("${")) {
			return value;
		}
		try {
			String resolved = this.beanFactory.hasEmbeddedValueResolver()
					? this.beanFactory.resolveEmbeddedValue(value) : this.environment.resolveRequiredPlaceholders(value);
			return (resolved != null) ? resolved : "";
		}
		catch (IllegalArgumentException ex) {
			// Spring's PlaceholderResolutionException: its message names the placeholder, not the site.
			throw invalid(site, null, "the " + attribute + " '" + value + "' has a placeholder that cannot be resolved ("
					+ ex.getMessage() + ")", "Define the property, or give the placeholder a default, for example "
							+ "${app.secret-name:my/secret}.");
		}
	}

	/**
	 * Load keys in one call to the cache (which batches what it does not hold).
	 * @param keys the keys
	 * @return per key, the snapshot or the failure
	 */
	Map<SecretKey, Object> load(Collection<SecretKey> keys) {
		prefetchOnce();
		return loadAll(keys);
	}

	private Map<SecretKey, Object> loadAll(Collection<SecretKey> keys) {
		Map<SecretKey, Object> outcomes = new HashMap<>();
		try {
			outcomes.putAll(this.cache.get().getAll(new LinkedHashSet<>(keys)));
		}
		catch (SecretLoadFailures ex) {
			outcomes.putAll(ex.getFailures());
			for (SecretKey key : keys) {
				if (!outcomes.containsKey(key)) {
					SecretSnapshot loaded = this.cache.get().getIfPresent(key);
					outcomes.put(key, (loaded != null) ? loaded : ex);
				}
			}
		}
		catch (RuntimeException ex) {
			keys.forEach((key) -> outcomes.put(key, ex));
		}
		return outcomes;
	}

	/**
	 * Load one key.
	 * @param key the key
	 * @return the snapshot or the failure
	 */
	Object load(SecretKey key) {
		prefetchOnce();
		try {
			return this.cache.get().get(key);
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	/**
	 * Load the keys of every site of the application in one call, the first time anything is
	 * loaded. Concurrent first loads do not wait: only one thread prefetches, and a site loaded
	 * meanwhile loads its own keys as it would without a prefetch. Outcomes are not kept: what
	 * loaded is in the cache, and what failed (which the cache does not keep) is loaded again,
	 * and reported, by its site.
	 */
	private void prefetchOnce() {
		Supplier<Collection<SecretKey>> pending = this.prefetch.getAndSet(null);
		if (pending == null) {
			return;
		}
		try {
			Collection<SecretKey> keys = pending.get();
			if (!keys.isEmpty()) {
				Map<SecretKey, Object> outcomes = loadAll(keys);
				if (logger.isDebugEnabled()) {
					long failed = outcomes.values().stream().filter(Throwable.class::isInstance).count();
					logger.debug("Prefetched " + keys.size() + " @SecretValue secret(s) in one call to the cache, "
							+ failed + " failed (reported by their sites)");
				}
			}
		}
		catch (RuntimeException ex) {
			// Never fails start-up here: each site then loads, and reports, its own keys.
			logger.debug("Could not prefetch the @SecretValue secrets; loading them per bean", ex);
		}
	}

	/**
	 * The value to inject at a site, recording the site (and registering a handle).
	 * @param site the site
	 * @param outcome the snapshot or the failure from {@link #load}
	 * @return the value, possibly {@code null}, or {@link #ABSENT}
	 * @throws SecretInjectionException if the site cannot be satisfied
	 */
	@Nullable Object resolve(SecretInjectionSite site, Object outcome) {
		this.sites.record(site);
		SecretSnapshot snapshot = (outcome instanceof SecretSnapshot found) ? found : null;
		Object value = ABSENT;
		if (snapshot != null) {
			value = convert(site, snapshot);
		}
		else if (!isNotFound((Throwable) outcome)) {
			throw new SecretInjectionException(Reason.LOAD_FAILED, site.description(), site.key(), site.jsonKey(),
					"the secret could not be read: " + ((Throwable) outcome).getMessage(),
					"Check the cause below: access to the secret, the endpoint and region, and the credentials.",
					(Throwable) outcome);
		}
		else if (site.required()) {
			throw new SecretInjectionException(Reason.SECRET_NOT_FOUND, site.description(), site.key(), site.jsonKey(),
					"the secret does not exist" + (site.key().isStaged() && SecretKey.AWSCURRENT
						.equals(site.key().versionStage()) ? "" : " or has no such version"),
					"Create the secret, correct its name or version in @SecretValue, or set required = false.",
					null);
		}
		return switch (site.wrapper()) {
			case NONE -> value;
			case OPTIONAL -> Optional.ofNullable((value != ABSENT) ? value : null);
			case HANDLE -> {
				SecretHandle<Object> handle = SecretHandle.live(site.key(), site.jsonKey(), snapshot,
						(value != ABSENT) ? value : null);
				this.sites.registerHandle(site, handle);
				yield handle;
			}
		};
	}

	private @Nullable Object convert(SecretInjectionSite site, SecretSnapshot snapshot) {
		try {
			return this.sites.converter().convert(site, snapshot);
		}
		catch (SecretInjectionException ex) {
			if (!site.required() && ex.getReason() == Reason.KEY_NOT_FOUND) {
				return ABSENT;
			}
			throw ex;
		}
	}

	/**
	 * Whether a load failure means the secret (or the requested version) does not exist. The cache
	 * reports that, from GetSecretValue and from BatchGetSecretValue alike, as the translated
	 * {@link SecretNotFoundException}. Only the failure itself counts, never a cause: a stale value
	 * that can no longer be refreshed, access denied, throttling or an outage is not "absent".
	 * @param failure the failure from {@link #load}
	 * @return whether the secret is absent
	 */
	static boolean isNotFound(Throwable failure) {
		return failure instanceof SecretNotFoundException;
	}

	static SecretInjectionException invalid(String site, @Nullable SecretKey key, String problem, String action) {
		return new SecretInjectionException(Reason.INVALID_DECLARATION, site, key, null, problem, action, null);
	}

}
