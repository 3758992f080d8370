package dev.secretsstarter.local.ops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

	private final byte[] seedKey = new byte[32];

	public CodeWrites(SecretStore store, Dispatcher dispatcher, Clock clock, String region) {
		this.store = store;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.region = region;
		new SecureRandom().nextBytes(this.seedKey);
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
			SecretWrites.create(this.store, this.region, new SecretWrites.NewSecret(entry.name(), entry.value(),
					seededVersionId(entry), entry.description(), null, tags(entry)), this.clock.instant(),
					batch.changes("CreateSecret"));
			return;
		}
		var current = secret.versionWithStage(Stages.CURRENT).map((v) -> v.value()).orElse(null);
		if (!entry.value().equals(current)) {
			SecretWrites.putValue(secret, null, entry.value(), List.of(), this.clock.instant(),
					batch.changes("PutSecretValue"));
		}
	}

	/**
	 * The version id of a seeded secret's first version: the same for the same name and value for the
	 * life of this server, so that a reset followed by the same seeding restores the same version ids
	 * and an application polling across the reset sees no rotation of an unchanged secret. Keyed with
	 * a random per-server key, so that the id reveals nothing about the value.
	 */
	private String seededVersionId(SeedFile.Entry entry) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.seedKey, "HmacSHA256"));
			mac.update((this.region + "\0" + entry.name() + "\0").getBytes(StandardCharsets.UTF_8));
			String string = entry.value().string();
			mac.update((string != null) ? ("s" + string).getBytes(StandardCharsets.UTF_8) : new byte[] { 'b' });
			byte[] binary = entry.value().binary();
			if (binary != null) {
				mac.update(binary);
			}
			ByteBuffer digest = ByteBuffer.wrap(mac.doFinal());
			// Shaped like the other version ids: an RFC 9562 version 8 (custom) UUID.
			long high = (digest.getLong() & ~0xF000L) | 0x8000L;
			long low = (digest.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
			return new UUID(high, low).toString();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static String sentence(String message) {
		return message.endsWith(".") ? message : message + ".";
	}

	private static List<Tag> tags(SeedFile.Entry entry) {
		return entry.tags().entrySet().stream().map((t) -> new Tag(t.getKey(), t.getValue())).toList();
	}

}
