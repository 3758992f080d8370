package dev.secretsstarter.cache;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One version of a secret as fetched from Secrets Manager: immutable, so a reader never sees a
 * mix of two versions. Holds either a string or a binary value.
 * <p>
 * A snapshot the cache serves also carries the cache's {@link #sequence() sequence number}, which
 * orders the snapshots of one key as the cache served them, so that a listener told of two changes
 * in the opposite order can tell which one is newer ({@link #isOlderThan}).
 * <p>
 * {@link #toString()} never shows the value. Thread-safe.
 *
 * @author secrets-starter team
 */
public final class SecretSnapshot {

	private final String name;

	private final String arn;

	private final String versionId;

	private final Set<String> versionStages;

	private final @Nullable Instant createdDate;

	private final Instant fetchedAt;

	private final @Nullable String string;

	private final byte @Nullable [] binary;

	private final long sequence;

	private SecretSnapshot(String name, String arn, String versionId, Set<String> versionStages,
			@Nullable Instant createdDate, Instant fetchedAt, @Nullable String string, byte @Nullable [] binary) {
		this(name, arn, versionId, versionStages, createdDate, fetchedAt, string, binary, 0);
	}

	private SecretSnapshot(String name, String arn, String versionId, Set<String> versionStages,
			@Nullable Instant createdDate, Instant fetchedAt, @Nullable String string, byte @Nullable [] binary,
			long sequence) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.hasText(versionId, "'versionId' must not be empty");
		Assert.isTrue((string == null) != (binary == null), "Exactly one of a string and a binary value is held");
		this.name = name;
		this.arn = arn;
		this.versionId = versionId;
		this.versionStages = Set.copyOf(versionStages);
		this.createdDate = createdDate;
		this.fetchedAt = fetchedAt;
		this.string = string;
		this.binary = binary;
		this.sequence = sequence;
	}

	/**
	 * A snapshot of a string secret.
	 * @param name the secret name
	 * @param arn the secret ARN
	 * @param versionId the version id
	 * @param versionStages the version's staging labels when fetched
	 * @param createdDate when the version was created, if known
	 * @param fetchedAt when it was downloaded
	 * @param value the secret string
	 * @return the snapshot
	 */
	public static SecretSnapshot ofString(String name, String arn, String versionId, Set<String> versionStages,
			@Nullable Instant createdDate, Instant fetchedAt, String value) {
		return new SecretSnapshot(name, arn, versionId, versionStages, createdDate, fetchedAt, value, null);
	}

	/**
	 * A snapshot of a binary secret.
	 * @param name the secret name
	 * @param arn the secret ARN
	 * @param versionId the version id
	 * @param versionStages the version's staging labels when fetched
	 * @param createdDate when the version was created, if known
	 * @param fetchedAt when it was downloaded
	 * @param value the secret bytes (copied)
	 * @return the snapshot
	 */
	public static SecretSnapshot ofBinary(String name, String arn, String versionId, Set<String> versionStages,
			@Nullable Instant createdDate, Instant fetchedAt, byte[] value) {
		return new SecretSnapshot(name, arn, versionId, versionStages, createdDate, fetchedAt, null, value.clone());
	}

	public String name() {
		return this.name;
	}

	public String arn() {
		return this.arn;
	}

	public String versionId() {
		return this.versionId;
	}

	public Set<String> versionStages() {
		return this.versionStages;
	}

	public @Nullable Instant createdDate() {
		return this.createdDate;
	}

	public Instant fetchedAt() {
		return this.fetchedAt;
	}

	/**
	 * The order in which the cache started serving this snapshot: a snapshot that replaced
	 * another of the same key in the cache has a higher number than the one it replaced, whichever
	 * thread made each change, so a listener can tell the newer of two notifications of one key
	 * however they arrived. Numbers come from one counter for all keys (and all caches), in no
	 * other relation to time.
	 * @return the sequence number, or {@code 0} for a snapshot no cache has served (one made with
	 * {@link #ofString} or {@link #ofBinary})
	 */
	public long sequence() {
		return this.sequence;
	}

	/**
	 * Whether the cache served this snapshot of a key before another snapshot of the same key,
	 * which has therefore replaced it. Not known (so {@code false}) when either was never served
	 * by a cache.
	 * @param other the other snapshot, may be {@code null}
	 * @return whether both have a {@link #sequence()} and this one's is lower
	 */
	public boolean isOlderThan(@Nullable SecretSnapshot other) {
		return other != null && this.sequence != 0 && other.sequence != 0 && this.sequence < other.sequence;
	}

	/**
	 * This snapshot as served by a cache under a sequence number; the value is shared, not copied
	 * (it is never handed out).
	 * @param sequence the number, greater than 0
	 * @return a new snapshot
	 */
	SecretSnapshot withSequence(long sequence) {
		return new SecretSnapshot(this.name, this.arn, this.versionId, this.versionStages, this.createdDate,
				this.fetchedAt, this.string, this.binary, sequence);
	}

	/**
	 * Whether the secret holds binary data (SecretBinary) rather than a string.
	 * @return whether binary
	 */
	public boolean isBinary() {
		return this.binary != null;
	}

	/**
	 * The string value.
	 * @return the string, or {@code null} for a binary secret
	 */
	public @Nullable String stringValue() {
		return this.string;
	}

	/**
	 * The value as bytes: the binary value, or the string's UTF-8 bytes. A new array each call.
	 * @return the bytes
	 */
	public byte[] bytes() {
		return (this.binary != null) ? this.binary.clone() : this.string.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Whether another snapshot holds the same version of the same secret.
	 * @param other the other snapshot, may be {@code null}
	 * @return whether the version ids and ARNs match
	 */
	public boolean isSameVersion(@Nullable SecretSnapshot other) {
		return other != null && this.versionId.equals(other.versionId) && this.arn.equals(other.arn);
	}

	/**
	 * Whether the values are equal (constant time is not needed: values stay in process).
	 * @param other the other snapshot
	 * @return whether both hold the same string or bytes
	 */
	public boolean hasSameValue(SecretSnapshot other) {
		return (this.string != null) ? this.string.equals(other.string) : Arrays.equals(this.binary, other.binary);
	}

	@Override
	public String toString() {
		return "SecretSnapshot[name=" + this.name + ", versionId=" + this.versionId + ", stages=" + this.versionStages
				+ ", " + (isBinary() ? "binary" : "string") + ", value=<hidden>]";
	}

}
