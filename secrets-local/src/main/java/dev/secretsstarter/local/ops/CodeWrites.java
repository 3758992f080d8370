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
import dev.secretsstarter.local.store.Validation;
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

	/**
	 * Creates each seeded secret, or adds a current version when it exists with another value. All or
	 * nothing: every entry is checked, under the lock, before the first is written.
	 */
	public void seed(Path file) {
		List<SeedFile.Entry> entries = SeedFile.read(file);
		this.dispatcher.applyAll((batch) -> {
			for (SeedFile.Entry entry : entries) {
				check(file, entry);
			}
			for (SeedFile.Entry entry : entries) {
				write(entry, batch);
			}
			return null;
		});
	}

	/** What {@link #write} would refuse, found before anything is written. */
	private void check(Path file, SeedFile.Entry entry) {
		try {
			Validation.name(entry.name());
			List<Tag> tags = tags(entry);
			tags.forEach(Validation::tag);
			Validation.tagCount(tags);
			this.store.find(this.region, entry.name()).ifPresent((secret) -> this.store.requireWritable(this.region,
					entry.name()));
		}
		catch (ServiceError ex) {
			throw new IllegalArgumentException("Seed file " + file + ": secret '" + entry.name() + "' (line "
					+ entry.line() + "): " + sentence(ex.getMessage()) + " Fix the entry; nothing from this file was seeded.",
					ex);
		}
	}

	private void write(SeedFile.Entry entry, Dispatcher.Batch batch) {
		var secret = this.store.find(this.region, entry.name()).orElse(null);
		if (secret == null) {
			SecretWrites.create(this.store, this.region, new SecretWrites.NewSecret(entry.name(), entry.value(), null,
					entry.description(), null, tags(entry)), this.clock.instant(), batch.changes("CreateSecret"));
			return;
		}
		var current = secret.versionWithStage(Stages.CURRENT).map((v) -> v.value()).orElse(null);
		if (!entry.value().equals(current)) {
			SecretWrites.putValue(secret, null, entry.value(), List.of(), this.clock.instant(),
					batch.changes("PutSecretValue"));
		}
	}

	private static String sentence(String message) {
		return message.endsWith(".") ? message : message + ".";
	}

	private static List<Tag> tags(SeedFile.Entry entry) {
		return entry.tags().entrySet().stream().map((t) -> new Tag(t.getKey(), t.getValue())).toList();
	}

}
