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
 * first load of a round loads every pending entry at once: name prefixes with ListSecrets, then
 * all secrets with BatchGetSecretValue, 20 per call. A second round (another import, or a
 * refresh re-running the loaders with the same bootstrap context) loads only what the cache lacks.
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

	private final Map<SecretsConfigDataResource, List<String>> listed = new HashMap<>();

	private final Map<SecretsConfigDataResource, List<SecretsImportException.Failure>> failures = new HashMap<>();

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
		if (!this.listed.containsKey(resource) && !this.failures.containsKey(resource)) {
			this.pending.add(resource);
		}
		loadPending();
		if (this.roundFailure != null) {
			throw this.roundFailure;
		}
		List<SecretsImportException.Failure> failed = this.failures.getOrDefault(resource, List.of());
		if (!failed.isEmpty()) {
			// Only a missing secret gets here (see loadPending): Boot applies optional: to it.
			throw new ConfigDataResourceNotFoundException(resource, failed.get(0).cause());
		}
		List<PropertySource<?>> sources = new ArrayList<>();
		SecretImport entry = resource.getImport();
		for (String secretId : this.listed.getOrDefault(resource, List.of())) {
			SecretKey key = entry.keyFor(secretId);
			SecretSnapshot snapshot = cache().getIfPresent(key);
			Map<String, Object> properties = (snapshot != null)
					? this.validated.get(new Flattened(snapshot, entry.propertyPrefix())) : null;
			if (snapshot == null || properties == null) {
				// Evicted since the round loaded it (cache smaller than the imports): load it alone.
				snapshot = cache().get(key);
				properties = SecretPropertiesFlattener.flatten(snapshot, entry.propertyPrefix());
			}
			this.usages.record(key, "import " + resource);
			String name = entry.namePrefix() ? secretId : entry.text();
			sources.add(new SecretsPropertySource(name, key, entry.propertyPrefix(), cache(), snapshot, properties));
		}
		return new ConfigData(sources);
	}

	private void loadPending() {
		if (this.pending.isEmpty()) {
			return;
		}
		List<SecretsConfigDataResource> round = List.copyOf(this.pending);
		this.pending.clear();
		this.roundFailure = null;
		this.validated.clear();
		Map<SecretsConfigDataResource, List<SecretsImportException.Failure>> roundFailures = new LinkedHashMap<>();
		Set<SecretKey> keys = new LinkedHashSet<>();
		for (SecretsConfigDataResource resource : round) {
			try {
				List<String> ids = this.listed.get(resource);
				if (ids == null) {
					ids = resource.getImport().namePrefix() ? list(resource.getImport())
							: List.of(resource.getImport().id());
				}
				this.listed.put(resource, ids);
				ids.forEach((id) -> keys.add(resource.getImport().keyFor(id)));
			}
			catch (RuntimeException ex) {
				roundFailures.put(resource, List.of(failure(resource, resource.getImport().id(), ex)));
			}
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
			List<SecretsImportException.Failure> failed = new ArrayList<>(roundFailures.getOrDefault(resource, List.of()));
			for (String id : this.listed.getOrDefault(resource, List.of())) {
				SecretKey key = resource.getImport().keyFor(id);
				RuntimeException cause = keyFailures.get(key);
				SecretSnapshot snapshot = loaded.get(key);
				if (cause == null && snapshot != null) {
					try {
						String prefix = resource.getImport().propertyPrefix();
						this.validated.put(new Flattened(snapshot, prefix),
								SecretPropertiesFlattener.flatten(snapshot, prefix));
					}
					catch (MalformedSecretException ex) {
						cause = ex;
					}
				}
				if (cause != null) {
					failed.add(failure(resource, id, cause));
				}
			}
			if (!failed.isEmpty()) {
				this.listed.remove(resource);
				roundFailures.put(resource, failed);
			}
		}
		round.forEach(this.failures::remove);
		this.failures.putAll(roundFailures);
		List<SecretsImportException.Failure> reportable = new ArrayList<>();
		roundFailures.forEach((resource, failed) -> failed.stream()
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

	private static SecretsImportException.Failure failure(SecretsConfigDataResource resource, String secretId,
			RuntimeException cause) {
		return new SecretsImportException.Failure(resource.toString(), secretId, SecretFailureKind.of(cause), cause);
	}

}
