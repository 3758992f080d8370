package dev.secretsstarter.local.ops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.secretsstarter.local.SecretChangeEvent;
import dev.secretsstarter.local.persist.SeedFile;
import dev.secretsstarter.local.protocol.Dispatcher;
import dev.secretsstarter.local.store.Arns;
import dev.secretsstarter.local.store.Changes;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.SecretValue;
import dev.secretsstarter.local.store.ServiceError;
import dev.secretsstarter.local.store.Stages;
import dev.secretsstarter.local.store.Tag;
import dev.secretsstarter.local.store.Validation;
import org.jspecify.annotations.Nullable;

/**
 * Writes made from code rather than HTTP (seeding, resetting to a seeded state): same rules, atomicity,
 * persistence and events as the API, no request counted. Thread-safe.
 */
public final class CodeWrites {

	private final SecretStore store;

	private final Dispatcher dispatcher;

	private final Clock clock;

	private final String region;

	/** Keys the seeded version ids. */
	private final byte[] seedKey = new byte[32];

	/** Keys the seeded ARN suffixes; another key, so that no ARN and version id are ever related. */
	private final byte[] arnKey = new byte[32];

	public CodeWrites(SecretStore store, Dispatcher dispatcher, Clock clock, String region) {
		this.store = store;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.region = region;
		SecureRandom random = new SecureRandom();
		random.nextBytes(this.seedKey);
		random.nextBytes(this.arnKey);
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
		apply(fromFile(file), null);
	}

	/** Seeds one secret as a seed file entry with a string value would. */
	public void seed(String name, String value) {
		apply(List.of(fromCode(name, value)), null);
	}

	/** Seeds the secrets as seed file entries with string values would, in order, all or nothing. */
	public void seed(Map<String, String> secrets) {
		List<Seed> seeds = new ArrayList<>();
		secrets.forEach((name, value) -> seeds.add(fromCode(name, value)));
		apply(seeds, null);
	}

	/**
	 * Forgets every secret and seeds the files, then the secrets, in one atomic step: under one hold of
	 * the store lock (so no request sees the store between the two), persisted once, the seeding's events
	 * published after the lock is released. Every file is read and every entry checked before anything
	 * is forgotten, so a bad seed leaves the store as it was.
	 * @param clear forgets every secret; runs under the lock
	 */
	public void reset(List<Path> files, Map<String, String> secrets, Runnable clear) {
		List<Seed> seeds = new ArrayList<>();
		files.forEach((file) -> seeds.addAll(fromFile(file)));
		secrets.forEach((name, value) -> seeds.add(fromCode(name, value)));
		apply(seeds, clear);
	}

	private void apply(List<Seed> seeds, @Nullable Runnable clear) {
		this.dispatcher.applyAll((batch) -> {
			for (Seed seed : seeds) {
				check(seed, clear == null);
			}
			if (clear == null) {
				for (Seed seed : seeds) {
					write(seed.entry(), batch);
				}
			}
			else {
				reset(seeds, clear, batch);
			}
			return null;
		});
	}

	/**
	 * Forgets and seeds, announcing what that changed compared with before rather than what the
	 * seeding wrote into an empty store: DELETED for a secret that is gone, RESTORED for one that was
	 * scheduled for deletion, VALUE_CHANGED for one whose current version differs, the seeding's own
	 * events for one that did not exist, nothing for one whose current version is the one it had. A
	 * seeded secret that replaces one of the same name with another ARN (one a test created through the
	 * API) is another secret: DELETED for the old ARN, then the seeding's own events (CREATED).
	 * Without that, a listener (local push) is never told that a secret a test created is gone, and is
	 * told of every seeded secret, changed or not, as CREATED.
	 */
	private void reset(List<Seed> seeds, Runnable clear, Dispatcher.Batch batch) {
		Map<String, Secret> before = new LinkedHashMap<>();
		Map<String, @Nullable String> currentBefore = new HashMap<>();
		for (Secret secret : this.store.all()) {
			before.put(key(secret), secret);
			currentBefore.put(key(secret), secret.currentVersionId());
		}
		clear.run();
		Changes reset = batch.changes("Reset");
		reset.touched();
		List<Changes> seeding = new ArrayList<>();
		for (Seed seed : seeds) {
			write(seed.entry(), (operation) -> {
				Changes changes = new Changes(operation);
				seeding.add(changes);
				return changes;
			});
		}
		for (Secret old : before.values()) {
			Secret now = this.store.find(old.region(), old.name()).orElse(null);
			if (!old.markedForDeletion() && (now == null || !now.arn().equals(old.arn()))) {
				reset.record(SecretChangeEvent.Type.DELETED, old);
			}
		}
		Set<String> announced = new HashSet<>();
		for (Changes changes : seeding) {
			Changes kept = batch.changes(changes.operation());
			for (SecretChangeEvent event : changes.events()) {
				// Seeding writes only to this server's region.
				String key = key(this.region, event.name());
				Secret old = before.get(key);
				if (old == null || !old.arn().equals(event.arn())) {
					kept.record(event);
				}
				else if (announced.add(key)) {
					Secret now = this.store.find(old.region(), old.name()).orElseThrow();
					if (old.markedForDeletion()) {
						reset.record(SecretChangeEvent.Type.RESTORED, now);
					}
					if (!Objects.equals(currentBefore.get(key), now.currentVersionId())) {
						reset.record(SecretChangeEvent.Type.VALUE_CHANGED, now);
					}
				}
			}
		}
	}

	private static String key(Secret secret) {
		return key(secret.region(), secret.name());
	}

	private static String key(String region, String name) {
		return region + "\0" + name;
	}

	private static List<Seed> fromFile(Path file) {
		return SeedFile.read(file).stream()
			.map((entry) -> new Seed(entry, "Seed file " + file + ": secret '" + entry.name() + "' (line "
					+ entry.line() + ")", "Fix the entry; nothing from this file was seeded."))
			.toList();
	}

	private static Seed fromCode(String name, String value) {
		String where = "Cannot seed secret " + name;
		try {
			return new Seed(new SeedFile.Entry(name, SecretValue.ofString(value), null, Map.of(), 0), where,
					"Nothing was seeded.");
		}
		catch (ServiceError ex) {
			// The size limit: the message names the limit, not the value.
			throw new IllegalArgumentException(where + ": " + sentence(ex.getMessage()) + " Nothing was seeded.", ex);
		}
	}

	/**
	 * What {@link #write} would refuse, found before anything is written (or forgotten).
	 * @param existing whether the secrets already stored stay, so that seeding one that is scheduled for
	 * deletion would fail
	 */
	private void check(Seed seed, boolean existing) {
		SeedFile.Entry entry = seed.entry();
		try {
			Validation.name(entry.name());
			List<Tag> tags = tags(entry);
			tags.forEach(Validation::tag);
			Validation.tagCount(tags);
			if (existing) {
				this.store.find(this.region, entry.name())
					.ifPresent((secret) -> this.store.requireWritable(this.region, entry.name()));
			}
		}
		catch (ServiceError ex) {
			throw new IllegalArgumentException(seed.where() + ": " + sentence(ex.getMessage()) + " " + seed.fix(), ex);
		}
	}

	/**
	 * Creates the secret, or adds the value as its current version when it has another one. Either way
	 * the new version's id is derived from the name and value, and a created secret's ARN from its name,
	 * so that seeding the same things after a reset gives the same ids and ARNs. When the secret already
	 * has a version with that id (the value was seeded before and changed since), the new version gets a
	 * random id: a version id is never reused.
	 */
	private void write(SeedFile.Entry entry, Dispatcher.Batch batch) {
		var secret = this.store.find(this.region, entry.name()).orElse(null);
		String versionId = seededVersionId(entry);
		if (secret == null) {
			SecretWrites.create(this.store, this.region, new SecretWrites.NewSecret(entry.name(), entry.value(),
					versionId, entry.description(), null, tags(entry)), seededArn(entry.name()),
					this.clock.instant(), batch.changes("CreateSecret"));
			return;
		}
		var current = secret.versionWithStage(Stages.CURRENT).map((v) -> v.value()).orElse(null);
		if (!entry.value().equals(current)) {
			SecretWrites.putValue(secret, secret.versions().containsKey(versionId) ? null : versionId, entry.value(),
					List.of(), this.clock.instant(), batch.changes("PutSecretValue"));
		}
	}

	/**
	 * The version id of a seeded value: the same for the same name and value for the life of this
	 * server, so that a reset followed by the same seeding restores the same version ids and an
	 * application polling across the reset sees no rotation of an unchanged secret. Keyed with a random
	 * per-server key, so that the id reveals nothing about the value.
	 */
	private String seededVersionId(SeedFile.Entry entry) {
		Mac mac = hmac(this.seedKey);
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

	/**
	 * The ARN of a seeded secret: the same for the same region and name for the life of this server, so
	 * that a client or application holding a seeded secret's full ARN still finds it after a reset. Derived
	 * from the region and name only (never the value), keyed with a random per-server key so that, as in
	 * the service, the suffix cannot be predicted from the name. Secrets created through the API or
	 * {@link #create} get random suffixes, as in the service.
	 */
	private String seededArn(String name) {
		Mac mac = hmac(this.arnKey);
		mac.update((this.region + "\0" + name).getBytes(StandardCharsets.UTF_8));
		return Arns.derivedArn(this.region, this.store.accountId(), name, ByteBuffer.wrap(mac.doFinal()).getLong());
	}

	private static Mac hmac(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static String sentence(String message) {
		return message.endsWith(".") ? message : message + ".";
	}

	/**
	 * An entry to seed, with where it comes from and how to fix it, for messages.
	 */
	private record Seed(SeedFile.Entry entry, String where, String fix) {
	}

	private static List<Tag> tags(SeedFile.Entry entry) {
		return entry.tags().entrySet().stream().map((t) -> new Tag(t.getKey(), t.getValue())).toList();
	}

}
