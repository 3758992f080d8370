package dev.secretsstarter.local.ops;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.secretsstarter.local.persist.SeedFile;
import dev.secretsstarter.local.protocol.Dispatcher;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.SecretValue;
import dev.secretsstarter.local.store.ServiceError;
import dev.secretsstarter.local.store.Stages;
import dev.secretsstarter.local.store.Tag;
import org.jspecify.annotations.Nullable;

/**
 * Writes made from code rather than HTTP (seeding): same rules, atomicity, persistence and events as
 * the API, no request counted. Thread-safe.
 */
public final class CodeWrites {

	private final SecretStore store;

	private final Dispatcher dispatcher;

	private final Clock clock;

	private final String region;

	public CodeWrites(SecretStore store, Dispatcher dispatcher, Clock clock, String region) {
		this.store = store;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.region = region;
	}

	public void create(String name, SecretValue value, @Nullable String description, Map<String, String> tags) {
		List<Tag> tagList = new ArrayList<>();
		tags.forEach((k, v) -> tagList.add(new Tag(k, v)));
		this.dispatcher.apply("CreateSecret", (changes) -> SecretWrites.create(this.store, this.region,
				new SecretWrites.NewSecret(name, value, null, description, null, tagList), this.clock.instant(), changes));
	}

	public void put(String name, SecretValue value) {
		this.dispatcher.apply("PutSecretValue", (changes) -> SecretWrites.putValue(
				this.store.requireWritable(this.region, name), null, value, List.of(), this.clock.instant(), changes));
	}

	/** Creates each seeded secret, or adds a current version when it exists with another value. */
	public void seed(Path file) {
		for (SeedFile.Entry entry : SeedFile.read(file)) {
			try {
				boolean exists = this.store.locked(() -> this.store.find(this.region, entry.name()).isPresent());
				if (!exists) {
					create(entry.name(), entry.value(), entry.description(), entry.tags());
					continue;
				}
				this.dispatcher.apply("PutSecretValue", (changes) -> {
					var secret = this.store.requireWritable(this.region, entry.name());
					var current = secret.versionWithStage(Stages.CURRENT).map((v) -> v.value()).orElse(null);
					return entry.value().equals(current) ? null
							: SecretWrites.putValue(secret, null, entry.value(), List.of(), this.clock.instant(), changes);
				});
			}
			catch (ServiceError ex) {
				throw new IllegalArgumentException("Seed file " + file + ": secret " + entry.name() + ": " + ex.getMessage(),
						ex);
			}
		}
	}

}
