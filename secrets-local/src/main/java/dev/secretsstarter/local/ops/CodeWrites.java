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

	/** @throws IllegalArgumentException where CreateSecret would answer an error */
	public void create(String name, SecretValue value, @Nullable String description, Map<String, String> tags) {
		List<Tag> tagList = new ArrayList<>();
		tags.forEach((k, v) -> tagList.add(new Tag(k, v)));
		try {
			this.dispatcher.apply("CreateSecret", (changes) -> SecretWrites.create(this.store, this.region,
					new SecretWrites.NewSecret(name, value, null, description, null, tagList), this.clock.instant(),
					changes));
		}
		catch (ServiceError ex) {
			throw asIllegalArgument("create", name, ex);
		}
	}

	/** @throws IllegalArgumentException where PutSecretValue would answer an error */
	public void put(String name, SecretValue value) {
		try {
			this.dispatcher.apply("PutSecretValue", (changes) -> SecretWrites.putValue(
					this.store.requireWritable(this.region, name), null, value, List.of(), this.clock.instant(), changes));
		}
		catch (ServiceError ex) {
			throw asIllegalArgument("put a value into", name, ex);
		}
	}

	private static IllegalArgumentException asIllegalArgument(String action, String name, ServiceError ex) {
		return new IllegalArgumentException("Cannot " + action + " secret " + name + ": " + ex.type() + ": "
				+ ex.getMessage(), ex);
	}

	/** Creates each seeded secret, or adds a current version when it exists with another value. */
	public void seed(Path file) {
		for (SeedFile.Entry entry : SeedFile.read(file)) {
			try {
				boolean exists = this.store.locked(() -> this.store.find(this.region, entry.name()).isPresent());
				if (!exists) {
					this.dispatcher.apply("CreateSecret", (changes) -> SecretWrites.create(this.store, this.region,
							new SecretWrites.NewSecret(entry.name(), entry.value(), null, entry.description(), null,
									entry.tags().entrySet().stream().map((t) -> new Tag(t.getKey(), t.getValue())).toList()),
							this.clock.instant(), changes));
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
