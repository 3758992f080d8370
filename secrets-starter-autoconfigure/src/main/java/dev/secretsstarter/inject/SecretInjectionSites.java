package dev.secretsstarter.inject;

import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheListener;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.cache.SecretUsages;

/**
 * The registry of {@link SecretValue @SecretValue} sites and live {@link SecretHandle handles},
 * and the re-injection of fields and setters when the cache serves a new version of a secret.
 * <p>
 * Registered as a {@link SecretCacheListener}: when the cache swaps a snapshot, every field and
 * setter of a singleton bean that uses that key is re-injected, and every handle switches to the
 * new value. The conversion runs once per site and version, on the thread that swapped the cache
 * entry (never under a cache lock). A site whose new value cannot be converted (a key removed,
 * the type no longer matching) keeps its previous value and the failure is logged, without the
 * value. Constructor and {@code @Bean} method parameters are recorded but never re-injected, and
 * neither are prototype or other non-singleton beans: use a {@code SecretHandle} or
 * {@code @RefreshScope} for those.
 * <p>
 * Bean instances and handles are held weakly, so a discarded bean is not kept alive. Thread-safe:
 * concurrent swaps of one key apply in turn and each site ends on the version the cache serves.
 *
 * @author secrets-starter team
 */
public final class SecretInjectionSites implements SecretCacheListener {

	private static final Log logger = LogFactory.getLog(SecretInjectionSites.class);

	private final Supplier<SecretCache> cache;

	private final Supplier<SecretValueConverter> converter;

	private final Supplier<@Nullable SecretUsages> usages;

	private final Set<SecretInjectionSite> sites = ConcurrentHashMap.newKeySet();

	private final Map<SecretKey, List<Target>> targets = new ConcurrentHashMap<>();

	SecretInjectionSites(Supplier<SecretCache> cache, Supplier<SecretValueConverter> converter,
			Supplier<@Nullable SecretUsages> usages) {
		this.cache = cache;
		this.converter = converter;
		this.usages = usages;
	}

	/**
	 * Every site recorded so far.
	 * @return an immutable copy
	 */
	public Set<SecretInjectionSite> sites() {
		return Set.copyOf(this.sites);
	}

	/**
	 * The sites that use one key.
	 * @param key the cache key
	 * @return an immutable copy, empty if none
	 */
	public Set<SecretInjectionSite> sitesOf(SecretKey key) {
		return this.sites.stream().filter((site) -> site.key().equals(key)).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Bring every field, setter and handle that uses a key to the version the cache serves now
	 * (without I/O: nothing happens if the key is not cached). Sites already on that version are
	 * left alone. Called by the cache listener; callable by anyone who changed the cache.
	 * @param key the cache key
	 */
	public void reinject(SecretKey key) {
		List<Target> list = this.targets.get(key);
		if (list == null) {
			return;
		}
		for (Target target : list) {
			try {
				target.apply();
			}
			catch (RuntimeException ex) {
				// The message names the site and the cause, never the value.
				logger.warn("Kept the previous value of " + target.site().usage() + ": " + ex.getMessage());
			}
		}
		list.removeIf(Target::isCollected);
	}

	@Override
	public void onSnapshotChanged(SecretKey key, @Nullable SecretSnapshot previous, SecretSnapshot current) {
		reinject(key);
	}

	void record(SecretInjectionSite site) {
		this.sites.add(site);
		SecretUsages usages = this.usages.get();
		if (usages != null) {
			usages.record(site.key(), site.usage());
		}
	}

	void registerMember(SecretInjectionSite site, Object bean, Member member, @Nullable SecretSnapshot injected) {
		add(new MemberTarget(site, new WeakReference<>(bean), member, injected));
	}

	void registerHandle(SecretInjectionSite site, SecretHandle<?> handle) {
		add(new HandleTarget(site, new WeakReference<>(handle)));
	}

	boolean hasMembers(Object bean) {
		return this.targets.values()
			.stream()
			.flatMap(List::stream)
			.anyMatch((target) -> target instanceof MemberTarget member && member.bean.get() == bean);
	}

	void unregister(Object bean) {
		this.targets.values()
			.forEach((list) -> list.removeIf((target) -> target instanceof MemberTarget member
					&& (member.bean.get() == bean || member.isCollected())));
	}

	private void add(Target target) {
		this.targets.computeIfAbsent(target.site().key(), (key) -> new CopyOnWriteArrayList<>()).add(target);
	}

	private @Nullable SecretSnapshot current(SecretKey key) {
		return this.cache.get().getIfPresent(key);
	}

	SecretValueConverter converter() {
		return this.converter.get();
	}

	private @Nullable Object convert(SecretInjectionSite site, SecretSnapshot snapshot) {
		try {
			return this.converter.get().convert(site, snapshot);
		}
		catch (SecretInjectionException ex) {
			if (!site.required() && ex.getReason() == SecretInjectionException.Reason.KEY_NOT_FOUND) {
				return null;
			}
			throw ex;
		}
	}

	private interface Target {

		SecretInjectionSite site();

		void apply();

		boolean isCollected();

	}

	private final class MemberTarget implements Target {

		private final SecretInjectionSite site;

		private final WeakReference<Object> bean;

		private final Member member;

		private @Nullable SecretSnapshot injected;

		MemberTarget(SecretInjectionSite site, WeakReference<Object> bean, Member member,
				@Nullable SecretSnapshot injected) {
			this.site = site;
			this.bean = bean;
			this.member = member;
			this.injected = injected;
			if (member instanceof Field field) {
				ReflectionUtils.makeAccessible(field);
			}
			else {
				ReflectionUtils.makeAccessible((Method) member);
			}
		}

		@Override
		public SecretInjectionSite site() {
			return this.site;
		}

		@Override
		public synchronized void apply() {
			Object instance = this.bean.get();
			// Read the latest snapshot under this site's lock, so that concurrent swaps end on it.
			SecretSnapshot snapshot = current(this.site.key());
			if (instance == null || snapshot == null || snapshot.isSameVersion(this.injected)) {
				return;
			}
			Object value = convert(this.site, snapshot);
			if (this.site.wrapper() == SecretInjectionSite.Wrapper.OPTIONAL) {
				value = Optional.ofNullable(value);
			}
			if (this.member instanceof Field field) {
				ReflectionUtils.setField(field, instance, value);
			}
			else {
				ReflectionUtils.invokeMethod((Method) this.member, instance, value);
			}
			this.injected = snapshot;
			if (logger.isDebugEnabled()) {
				logger.debug("Re-injected " + this.site.usage() + " with version " + snapshot.versionId());
			}
		}

		@Override
		public boolean isCollected() {
			return this.bean.get() == null;
		}

	}

	private final class HandleTarget implements Target {

		private final SecretInjectionSite site;

		private final WeakReference<SecretHandle<?>> handle;

		HandleTarget(SecretInjectionSite site, WeakReference<SecretHandle<?>> handle) {
			this.site = site;
			this.handle = handle;
		}

		@Override
		public SecretInjectionSite site() {
			return this.site;
		}

		@Override
		@SuppressWarnings("unchecked")
		public void apply() {
			SecretHandle<Object> instance = (SecretHandle<Object>) this.handle.get();
			if (instance != null) {
				Function<SecretSnapshot, @Nullable Object> conversion = (latest) -> convert(this.site, latest);
				instance.update(() -> current(this.site.key()), conversion);
			}
		}

		@Override
		public boolean isCollected() {
			return this.handle.get() == null;
		}

	}

}
