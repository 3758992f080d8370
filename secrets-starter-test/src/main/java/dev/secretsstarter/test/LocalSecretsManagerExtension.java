package dev.secretsstarter.test;

import java.lang.reflect.AnnotatedElement;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.secretsstarter.local.FaultInjector;
import dev.secretsstarter.local.LocalSecretsManager;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * JUnit extension that starts an embedded secrets-local server on 127.0.0.1 (a free port,
 * region us-east-1, credentials test/test, rotations run synchronously), seeds it, and injects
 * into test and lifecycle method parameters: {@link LocalSecrets} (write, rotate, delete, faults,
 * reset), {@link LocalSecretsManager}, {@link SecretsManagerClient}, {@link FaultInjector} and the
 * endpoint {@link URI}.
 * <p>
 * By default one server per top-level test class (nested classes share it), stopped after the
 * class. {@link #shared()} keeps one server for every class that uses it with the same seed
 * files, stopped when the whole run ends. Seeds: {@link #withSeed(String)} files, then
 * {@link LocalSecret} on the class when the class starts, and on a method before that test.
 * {@link LocalSecrets#reset()} seeds all of them again: the files, the running classes'
 * {@link LocalSecret}s and the running test's, with the version ids of their first seeding.
 * <pre>{@code
 * @ExtendWith(LocalSecretsManagerExtension.class)
 * @LocalSecret(name = "db/credentials", value = "{\"password\":\"dummy\"}")
 * class RepositoryTests {
 *
 *     @Test
 *     void readsTheSecret(SecretsManagerClient client, LocalSecrets secrets) { ... }
 *
 * }
 *
 * // or, configured:
 * @RegisterExtension
 * static LocalSecretsManagerExtension secrets = LocalSecretsManagerExtension.shared()
 *     .withSeed("classpath:local-secrets.yml");
 * }</pre>
 * Immutable and thread-safe; the servers live in JUnit's extension stores.
 *
 * @author secrets-starter team
 */
public final class LocalSecretsManagerExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(LocalSecretsManagerExtension.class);

	private final boolean shared;

	private final List<String> seeds;

	/**
	 * An extension with one server per test class and no seed file; what
	 * {@code @ExtendWith(LocalSecretsManagerExtension.class)} uses.
	 */
	public LocalSecretsManagerExtension() {
		this(false, List.of());
	}

	private LocalSecretsManagerExtension(boolean shared, List<String> seeds) {
		this.shared = shared;
		this.seeds = List.copyOf(seeds);
	}

	/**
	 * An extension with one server per top-level test class.
	 * @return the extension
	 */
	public static LocalSecretsManagerExtension perClass() {
		return new LocalSecretsManagerExtension(false, List.of());
	}

	/**
	 * An extension whose server is shared by every test class that uses a shared extension with
	 * the same seed files, for the whole run. Tests that change secrets should
	 * {@link LocalSecrets#reset() reset} or use names of their own.
	 * @return the extension
	 */
	public static LocalSecretsManagerExtension shared() {
		return new LocalSecretsManagerExtension(true, List.of());
	}

	/**
	 * A copy that also seeds the server from a seed file (YAML, or JSON when the name ends in
	 * {@code .json}; format in {@code docs/local-server.md}).
	 * @param location a Spring resource location, for example {@code classpath:local-secrets.yml}
	 * @return a new extension
	 */
	public LocalSecretsManagerExtension withSeed(String location) {
		List<String> all = new ArrayList<>(this.seeds);
		all.add(location);
		return new LocalSecretsManagerExtension(this.shared, all);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		seedClasses(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		// Registered in an instance field, the extension gets no beforeAll: the class is seeded here.
		seedClasses(classContext(context));
		Running running = running(context);
		context.getTestMethod().ifPresent((method) -> {
			Map<String, String> secrets = declared(method);
			if (!secrets.isEmpty()) {
				// Closed by JUnit when the test ends: a later reset no longer restores them.
				context.getStore(NAMESPACE).put(List.of("declared", runningKey()), running.secrets().declare(secrets));
			}
		});
	}

	/**
	 * Seeds the {@link LocalSecret}s of the context's class and its enclosing classes, once per
	 * class context.
	 */
	private void seedClasses(ExtensionContext classContext) {
		Running running = running(classContext);
		classContext.getStore(NAMESPACE).computeIfAbsent(List.of("seeded", runningKey()), (key) -> {
			// Outermost class first, so an inner class's values win.
			List<Class<?>> classes = new ArrayList<>();
			for (Class<?> type = classContext.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
				classes.add(0, type);
			}
			Map<String, String> secrets = new LinkedHashMap<>();
			classes.forEach((type) -> secrets.putAll(declared(type)));
			// Closed by JUnit when the class ends: a later reset no longer restores them.
			return running.secrets().declare(secrets);
		});
	}

	/** The context of the test's class: above the method and any test template containing it. */
	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

	private static Map<String, String> declared(AnnotatedElement element) {
		Map<String, String> secrets = new LinkedHashMap<>();
		AnnotationSupport.findRepeatableAnnotations(element, LocalSecret.class)
			.forEach((secret) -> secrets.put(secret.name(), secret.value()));
		return secrets;
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == LocalSecrets.class || type == LocalSecretsManager.class || type == SecretsManagerClient.class
				|| type == FaultInjector.class || type == URI.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		LocalSecrets secrets = running(extensionContext).secrets();
		Class<?> type = parameterContext.getParameter().getType();
		if (type == LocalSecretsManager.class) {
			return secrets.server();
		}
		if (type == SecretsManagerClient.class) {
			return secrets.client();
		}
		if (type == FaultInjector.class) {
			return secrets.faults();
		}
		if (type == URI.class) {
			return secrets.endpoint();
		}
		return secrets;
	}

	private Running running(ExtensionContext context) {
		ExtensionContext owner = this.shared ? context.getRoot() : topLevelClassContext(context);
		return owner.getStore(NAMESPACE).computeIfAbsent(runningKey(), (ignored) -> start(), Running.class);
	}

	private Object runningKey() {
		return this.shared ? List.of("shared", this.seeds) : List.of("class", this.seeds);
	}

	private static ExtensionContext topLevelClassContext(ExtensionContext context) {
		ExtensionContext current = context;
		Optional<ExtensionContext> parent = current.getParent();
		while (parent.isPresent() && parent.get().getParent().isPresent()) {
			current = parent.get();
			parent = current.getParent();
		}
		return current;
	}

	private Running start() {
		LocalSecretsManager server = LocalSecretsManager.builder().synchronousRotation(true).build().start();
		try {
			LocalSecrets secrets = LocalSecrets.of(server, this.seeds);
			secrets.reset();
			return new Running(server, secrets);
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
	}

	/**
	 * A started server and its handle; JUnit closes it with the store that holds it.
	 */
	private record Running(LocalSecretsManager server, LocalSecrets secrets) implements AutoCloseable {

		@Override
		public void close() {
			this.secrets.close();
			this.server.close();
		}

	}

}
