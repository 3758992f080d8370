package dev.secretsstarter.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.secretsstarter.autoconfigure.PropertiesSecretsManagerConnectionDetails;
import dev.secretsstarter.autoconfigure.SecretsManagerClientCustomizer;
import dev.secretsstarter.autoconfigure.SecretsManagerClientFactory;
import dev.secretsstarter.autoconfigure.SecretsManagerConnectionDetails;
import dev.secretsstarter.autoconfigure.SecretsProperties;
import dev.secretsstarter.cache.CaffeineSecretCache;
import dev.secretsstarter.cache.MalformedSecretException;
import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheProperties;
import dev.secretsstarter.cache.SecretFailureKind;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretLoadFailures;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.cache.SecretUsages;
import dev.secretsstarter.core.SecretNotFoundException;
import dev.secretsstarter.core.SecretsException;
import dev.secretsstarter.core.SecretsExceptionTranslator;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import org.springframework.boot.bootstrap.BootstrapContext;
import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataResourceNotFoundException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.PropertySource;

/**
 * The config-data phase's state, one per bootstrap context: the client, cache and usages it
 * shares with the application context, and the import entries resolved but not yet loaded.
 * <p>
 * Boot resolves every location of one {@code spring.config.import} before loading any, so the
 * first load of a round loads every entry of every pending location at once: name prefixes with
 * ListSecrets, then all secrets with BatchGetSecretValue, 20 per call. A second round (another
 * import, or a refresh re-running the loaders with the same bootstrap context) loads only what the
 * cache lacks. Each location then becomes one {@link SecretsPropertySource}.
 * Thread-safe (synchronized; config data loading is single-threaded anyway).
 */
final class SecretsImports {

	// A bound on ListSecrets pages (100 secrets each) for one name prefix.
	private static final int MAX_LIST_PAGES = 100;

	private final Binder binder;

	private final BootstrapContext bootstrap;

	private final boolean externalClient;

	private final SecretUsages usages = new SecretUsages();

	private @Nullable SecretsManagerClient client;

	private @Nullable SecretCache cache;

	private final Set<SecretsConfigDataResource> pending = new LinkedHashSet<>();

	private final Map<SecretsConfigDataResource, Outcome> outcomes = new HashMap<>();

	private final Map<SecretImport, List<String>> listings = new HashMap<>();

	// Tells the property sources in one read whether any snapshot changed (see SecretsPropertySource).
	private final SnapshotChanges changes = new SnapshotChanges();

	private final Map<Flattened, Map<String, Object>> validated = new HashMap<>();

	private @Nullable SecretsImportException roundFailure;

	// Local-mode hook (dev.secretsstarter.autoconfigure.local): the embedded server's connection
	// details when secrets.local.enabled, else null and the secrets.* properties apply.
	private final @Nullable SecretsManagerConnectionDetails localConnection;

	/**
	 * @param binder binds {@code secrets.*} as the environment is before the imports
	 * @param bootstrap the bootstrap context, for a client or customizer registered by a
	 * {@code BootstrapRegistryInitializer}
	 * @param externalClient whether a client was registered before the imports: use it
	 */
	SecretsImports(Binder binder, BootstrapContext bootstrap, boolean externalClient) {
		this(binder, bootstrap, externalClient, null);
	}

	SecretsImports(Binder binder, BootstrapContext bootstrap, boolean externalClient,
			@Nullable SecretsManagerConnectionDetails localConnection) {
		this.binder = binder;
		this.bootstrap = bootstrap;
		this.externalClient = externalClient;
		this.localConnection = localConnection;
	}

	synchronized void add(SecretsConfigDataResource resource) {
		this.pending.add(resource);
	}

	synchronized SecretsManagerClient client() {
		if (this.client == null && this.externalClient) {
			this.client = this.bootstrap.get(SecretsManagerClient.class);
		}
		if (this.client == null) {
			// Beans do not exist yet: customizers for this client come from the bootstrap registry.
			List<SecretsManagerClientCustomizer> customizers = this.bootstrap
				.isRegistered(SecretsManagerClientCustomizer.class)
						? List.of(this.bootstrap.get(SecretsManagerClientCustomizer.class)) : List.of();
			SecretsProperties properties = this.binder.bind("secrets", SecretsProperties.class)
				.orElseGet(SecretsProperties::new);
			// Observability hook: an ExecutionInterceptor in the bootstrap registry (the metrics
			// package's SecretsApiCallRecorder) also sees the calls made before beans exist.
			List<ExecutionInterceptor> interceptors = this.bootstrap.isRegistered(ExecutionInterceptor.class)
					? List.of(this.bootstrap.get(ExecutionInterceptor.class)) : List.of();
			SecretsManagerConnectionDetails connection = (this.localConnection != null) ? this.localConnection
					: new PropertiesSecretsManagerConnectionDetails(properties);
			this.client = new SecretsManagerClientFactory(connection, properties.getClient(), interceptors)
				.createClient(customizers);
		}
		return this.client;
	}

	synchronized SecretCache cache() {
		if (this.cache == null) {
			SecretCacheProperties properties = this.binder.bind("secrets.cache", SecretCacheProperties.class)
				.orElseGet(SecretCacheProperties::new);
			this.cache = new CaffeineSecretCache(client(), properties, Clock.systemUTC());
			this.cache.addListener(this.changes);
		}
		return this.cache;
	}

	SecretUsages usages() {
		return this.usages;
	}

	synchronized @Nullable SecretsManagerClient clientIfCreated() {
		return this.client;
	}

	synchronized @Nullable SecretCache cacheIfCreated() {
		return this.cache;
	}

	synchronized ConfigData load(SecretsConfigDataResource resource) {
		if (!this.outcomes.containsKey(resource)) {
			this.pending.add(resource);
		}
		loadPending();
		if (this.roundFailure != null) {
			throw this.roundFailure;
		}
		Outcome outcome = this.outcomes.get(resource);
		if (!outcome.failures().isEmpty() && (!resource.isOptionalResource() || outcome.imported().isEmpty())) {
			// Only missing secrets get here (see loadPending): Boot applies optional: to them.
			throw new ConfigDataResourceNotFoundException(resource, outcome.failures().get(0).cause());
		}
		List<SecretsPropertySource.Member> members = new ArrayList<>();
		for (Imported imported : outcome.imported()) {
			SecretKey key = imported.key();
			String prefix = imported.entry().propertyPrefix();
			SecretSnapshot snapshot = cache().getIfPresent(key);
			Map<String, Object> properties = (snapshot != null) ? this.validated.get(new Flattened(snapshot, prefix))
					: null;
			if (snapshot == null || properties == null) {
				// Evicted since the round loaded it (cache smaller than the imports): load it alone.
				snapshot = cache().get(key);
				properties = SecretPropertiesFlattener.flatten(snapshot, prefix);
			}
			this.usages.record(key, "import " + imported.entry());
			members.add(new SecretsPropertySource.Member(key, prefix, snapshot, properties));
		}
		return new ConfigData(List.of(
				new SecretsPropertySource(resource.getPropertySourceName(), members, cache(), this.changes)));
	}

	private void loadPending() {
		if (this.pending.isEmpty()) {
			return;
		}
		List<SecretsConfigDataResource> round = List.copyOf(this.pending);
		this.pending.clear();
		this.roundFailure = null;
		this.validated.clear();
		Map<SecretsConfigDataResource, List<Imported>> imports = new HashMap<>();
		Map<SecretsConfigDataResource, List<SecretsImportException.Failure>> failures = new LinkedHashMap<>();
		Set<SecretKey> keys = new LinkedHashSet<>();
		for (SecretsConfigDataResource resource : round) {
			List<Imported> imported = new ArrayList<>();
			List<SecretsImportException.Failure> failed = new ArrayList<>();
			for (SecretImport entry : resource.getImports()) {
				try {
					// A re-run (refresh) lists a name prefix again only if listing it failed before.
					List<String> ids = entry.namePrefix() ? this.listings.computeIfAbsent(entry, this::list)
							: List.of(entry.id());
					ids.forEach((id) -> imported.add(new Imported(entry, id, entry.keyFor(id))));
				}
				catch (RuntimeException ex) {
					failed.add(failure(entry, entry.id(), ex));
				}
			}
			imported.forEach((member) -> keys.add(member.key()));
			imports.put(resource, imported);
			failures.put(resource, failed);
		}
		Map<SecretKey, RuntimeException> keyFailures = new HashMap<>();
		Map<SecretKey, SecretSnapshot> loaded = new HashMap<>();
		try {
			loaded.putAll(cache().getAll(keys));
		}
		catch (SecretLoadFailures ex) {
			keyFailures.putAll(ex.getFailures());
			keys.stream().filter((key) -> !keyFailures.containsKey(key)).forEach((key) -> {
				SecretSnapshot snapshot = cache().getIfPresent(key);
				if (snapshot != null) {
					loaded.put(key, snapshot);
				}
			});
		}
		for (SecretsConfigDataResource resource : round) {
			List<SecretsImportException.Failure> failed = failures.get(resource);
			List<Imported> succeeded = new ArrayList<>();
			for (Imported imported : imports.get(resource)) {
				RuntimeException cause = keyFailures.get(imported.key());
				SecretSnapshot snapshot = loaded.get(imported.key());
				if (cause == null && snapshot != null) {
					try {
						String prefix = imported.entry().propertyPrefix();
						Flattened flattened = new Flattened(snapshot, prefix);
						if (!this.validated.containsKey(flattened)) {
							this.validated.put(flattened, SecretPropertiesFlattener.flatten(snapshot, prefix));
						}
					}
					catch (MalformedSecretException ex) {
						cause = ex;
					}
				}
				if (cause != null) {
					failed.add(failure(imported.entry(), imported.secretId(), cause));
				}
				else {
					succeeded.add(imported);
				}
			}
			this.outcomes.put(resource, new Outcome(succeeded, failed));
		}
		List<SecretsImportException.Failure> reportable = new ArrayList<>();
		failures.forEach((resource, failed) -> failed.stream()
			.filter((failure) -> !(resource.isOptionalResource() && failure.kind() == SecretFailureKind.NOT_FOUND))
			.forEach(reportable::add));
		boolean onlyOneMissing = reportable.size() == 1 && reportable.get(0).kind() == SecretFailureKind.NOT_FOUND;
		if (!reportable.isEmpty() && !onlyOneMissing) {
			this.roundFailure = new SecretsImportException(reportable);
		}
	}

	private List<String> list(SecretImport entry) {
		List<String> names = new ArrayList<>();
		try {
			int pages = 0;
			Filter byName = Filter.builder().key(FilterNameStringType.NAME).values(entry.id()).build();
			for (var page : client().listSecretsPaginator((request) -> request.filters(byName).maxResults(100))) {
				for (SecretListEntry secret : page.secretList()) {
					// The service matches name prefixes case-insensitively; imports are exact.
					if (secret.name().startsWith(entry.id())) {
						names.add(secret.name());
					}
				}
				if (++pages >= MAX_LIST_PAGES) {
					break;
				}
			}
		}
		catch (SdkException ex) {
			SecretsException translated = SecretsExceptionTranslator.translate(entry.id() + "*", "ListSecrets", ex);
			throw new SecretsException("Could not list the secrets under '" + entry.id() + "': "
					+ translated.getMessage() + " Importing a name prefix needs secretsmanager:ListSecrets; "
					+ "import the secrets by name otherwise.", entry.id(), "ListSecrets", translated.getErrorCode(),
					translated);
		}
		if (names.isEmpty()) {
			throw new SecretNotFoundException("No secret has a name starting with '" + entry.id()
					+ "'. Check the prefix and the region (secrets.region), or mark the import optional:.", entry.id(),
					"ListSecrets", null, null);
		}
		return names;
	}

	// Snapshots compare by identity: a new snapshot instance is flattened anew.
	private record Flattened(SecretSnapshot snapshot, String prefix) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Flattened that && this.snapshot == that.snapshot && this.prefix.equals(that.prefix);
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.snapshot) * 31 + this.prefix.hashCode();
		}

	}

	private static SecretsImportException.Failure failure(SecretImport entry, String secretId,
			RuntimeException cause) {
		return new SecretsImportException.Failure(entry.toString(), secretId, SecretFailureKind.of(cause), cause);
	}

	// One secret a location imports: the entry that names it, its id (a name under a prefix
	// entry), and its cache key.
	private record Imported(SecretImport entry, String secretId, SecretKey key) {

	}

	// A location after its round: the secrets that loaded, and what failed (only missing secrets
	// when the round did not fail as a whole).
	private record Outcome(List<Imported> imported, List<SecretsImportException.Failure> failures) {

	}

}
