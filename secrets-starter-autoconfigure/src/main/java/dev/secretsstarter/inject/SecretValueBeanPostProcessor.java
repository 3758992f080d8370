package dev.secretsstarter.inject;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.PropertyValues;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.beans.factory.support.MergedBeanDefinitionPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.BridgeMethodResolver;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.inject.SecretInjectionSite.Kind;

/**
 * Injects {@link SecretValue @SecretValue} fields and setter methods, the way
 * {@code AutowiredAnnotationBeanPostProcessor} injects {@code @Autowired} ones, and registers
 * those of singleton beans for re-injection on rotation. All secrets a bean's fields and setters
 * use are loaded in one call to the cache (and, before the first injection, the secrets of every
 * site of the application, see {@code SecretValuePrefetcher}). Constructor and {@code @Bean}
 * method parameters are resolved by {@link SecretValueAutowireCandidateResolver}.
 * <p>
 * Thread-safe.
 *
 * @author secrets-starter team
 */
public final class SecretValueBeanPostProcessor implements MergedBeanDefinitionPostProcessor,
		InstantiationAwareBeanPostProcessor, DestructionAwareBeanPostProcessor, BeanFactoryAware, EnvironmentAware,
		PriorityOrdered {

	private final Map<Class<?>, List<AnnotatedMember>> metadata = new ConcurrentHashMap<>();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private Environment environment = new StandardEnvironment();

	private volatile @Nullable SecretValueInjector injector;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory,
				"@SecretValue injection needs a ConfigurableListableBeanFactory");
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		// Just before @Autowired injection, so that @PostConstruct and @Autowired setters see values.
		return Ordered.LOWEST_PRECEDENCE - 3;
	}

	/**
	 * The registry of sites, which also re-injects them on rotation.
	 * @return the registry
	 */
	public SecretInjectionSites getInjectionSites() {
		return injector().sites();
	}

	SecretValueInjector injector() {
		SecretValueInjector current = this.injector;
		if (current == null) {
			synchronized (this) {
				current = this.injector;
				if (current == null) {
					Assert.state(this.beanFactory != null, "BeanFactory not set");
					current = new SecretValueInjector(this.beanFactory, this.environment, this::prefetchKeys);
					this.injector = current;
				}
			}
		}
		return current;
	}

	@Override
	public void postProcessMergedBeanDefinition(RootBeanDefinition beanDefinition, Class<?> beanType,
			String beanName) {
		members(beanType);
	}

	@Override
	public PropertyValues postProcessProperties(PropertyValues pvs, Object bean, String beanName) {
		List<AnnotatedMember> members = members(ClassUtils.getUserClass(bean.getClass()));
		if (members.isEmpty()) {
			return pvs;
		}
		SecretValueInjector injector = injector();
		List<SecretInjectionSite> sites = new ArrayList<>(members.size());
		for (AnnotatedMember member : members) {
			sites.add(injector.site(beanName, member.description(), member.kind(), member.annotation(),
					member.type()));
		}
		Map<SecretKey, Object> loaded = injector.load(sites.stream().map(SecretInjectionSite::key).toList());
		boolean reinjectable = isSingleton(beanName);
		for (int i = 0; i < members.size(); i++) {
			SecretInjectionSite site = sites.get(i);
			Member member = members.get(i).member();
			Object outcome = loaded.get(site.key());
			Object value = injector.resolve(site, outcome);
			if (value != SecretValueInjector.ABSENT) {
				inject(bean, member, value);
			}
			if (reinjectable && site.isReinjectable()) {
				injector.sites()
					.registerMember(site, bean, member,
							(outcome instanceof SecretSnapshot snapshot) ? snapshot : null);
			}
		}
		if (reinjectable) {
			// A swap between loading and registering would otherwise be missed until the next one.
			loaded.keySet().forEach(injector.sites()::reinject);
		}
		return pvs;
	}

	/**
	 * The keys of every {@code @SecretValue} site of the application that the
	 * {@code SecretValuePrefetcher} found, for the injector's prefetch. Called once, on the first
	 * load, when the injector exists.
	 */
	private Collection<SecretKey> prefetchKeys() {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		SecretValuePrefetcher prefetcher = (factory != null)
				? factory.getBeanProvider(SecretValuePrefetcher.class).getIfUnique() : null;
		return (prefetcher != null) ? prefetcher.keys(this, injector()) : List.of();
	}

	/**
	 * The keys of the {@code @SecretValue} fields and setters of a bean type, so that a constructor
	 * can load them in the same batch as its parameters. Members whose declaration cannot be
	 * resolved are left out; they fail when the bean's properties are injected.
	 * @param beanName the bean
	 * @param beanType the bean's class
	 * @return the keys, possibly empty
	 */
	List<SecretKey> memberKeys(String beanName, Class<?> beanType) {
		List<SecretKey> keys = new ArrayList<>();
		try {
			for (AnnotatedMember member : members(ClassUtils.getUserClass(beanType))) {
				keys.add(injector().site(beanName, member.description(), member.kind(), member.annotation(),
						member.type()).key());
			}
		}
		catch (RuntimeException ex) {
			// Reported with the site when the bean's properties are injected.
		}
		return keys;
	}

	private boolean isSingleton(String beanName) {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		// Prototypes and scoped beans get the current value when created; keeping every instance
		// for re-injection would leak them.
		return factory == null || !factory.containsBeanDefinition(beanName)
				|| factory.getMergedBeanDefinition(beanName).isSingleton();
	}

	private static void inject(Object bean, Member member, @Nullable Object value) {
		if (member instanceof Field field) {
			ReflectionUtils.makeAccessible(field);
			ReflectionUtils.setField(field, bean, value);
		}
		else {
			Method method = (Method) member;
			ReflectionUtils.makeAccessible(method);
			ReflectionUtils.invokeMethod(method, bean, value);
		}
	}

	@Override
	public boolean requiresDestruction(Object bean) {
		SecretValueInjector current = this.injector;
		return current != null && current.sites().hasMembers(bean);
	}

	@Override
	public void postProcessBeforeDestruction(Object bean, String beanName) throws BeansException {
		SecretValueInjector current = this.injector;
		if (current != null) {
			current.sites().unregister(bean);
		}
	}

	private List<AnnotatedMember> members(Class<?> beanType) {
		return this.metadata.computeIfAbsent(beanType, SecretValueBeanPostProcessor::findMembers);
	}

	private static List<AnnotatedMember> findMembers(Class<?> beanType) {
		List<AnnotatedMember> found = new ArrayList<>();
		Class<?> type = beanType;
		// A record's component annotations also land on its fields and accessors; records get their
		// values through the canonical constructor.
		while (type != null && mayDeclareSecretValue(type) && !type.isRecord()) {
			List<AnnotatedMember> own = new ArrayList<>();
			ReflectionUtils.doWithLocalFields(type, (field) -> {
				MergedAnnotation<SecretValue> annotation = annotation(field);
				if (annotation.isPresent()) {
					check(beanType, field, !Modifier.isStatic(field.getModifiers()), "a static field");
					check(beanType, field, !Modifier.isFinal(field.getModifiers()), "a final field");
					own.add(new AnnotatedMember(field, Kind.FIELD, field.getName(), annotation,
							ResolvableType.forField(field, beanType)));
				}
			});
			ReflectionUtils.doWithLocalMethods(type, (method) -> {
				Method bridged = BridgeMethodResolver.findBridgedMethod(method);
				if (!BridgeMethodResolver.isVisibilityBridgeMethodPair(method, bridged)
						|| !method.equals(ClassUtils.getMostSpecificMethod(method, beanType))) {
					return;
				}
				MergedAnnotation<SecretValue> annotation = annotation(bridged);
				if (annotation.isPresent()) {
					check(beanType, method, !Modifier.isStatic(method.getModifiers()), "a static method");
					check(beanType, method, method.getParameterCount() == 1, "a method without exactly one parameter");
					own.add(new AnnotatedMember(method, Kind.SETTER, method.getName() + "(..)", annotation,
							ResolvableType.forMethodParameter(method, 0, beanType)));
				}
			});
			// Superclass members first, as @Autowired does.
			found.addAll(0, own);
			type = type.getSuperclass();
		}
		return List.copyOf(found);
	}

	/**
	 * Whether members of a type may carry {@code @SecretValue}: the JDK's and Spring's own types,
	 * which most beans are or extend, cannot, and scanning their many members would cost every
	 * application start-up time.
	 * @param type a bean class or one of its superclasses
	 * @return {@code false} if the type is certainly free of {@code @SecretValue}
	 */
	static boolean mayDeclareSecretValue(Class<?> type) {
		String name = type.getName();
		return !name.startsWith("java.") && !name.startsWith("org.springframework.");
	}

	private static MergedAnnotation<SecretValue> annotation(AnnotatedElement element) {
		return MergedAnnotations.from(element).get(SecretValue.class);
	}

	private static void check(Class<?> beanType, Member member, boolean valid, String what) {
		if (!valid) {
			throw SecretValueInjector.invalid(beanType.getName() + "." + member.getName(), null,
					"@SecretValue is not supported on " + what,
					"Annotate an instance field, a setter with one parameter, or a constructor parameter.");
		}
	}

	private record AnnotatedMember(Member member, Kind kind, String description,
			MergedAnnotation<SecretValue> annotation, ResolvableType type) {
	}

}
