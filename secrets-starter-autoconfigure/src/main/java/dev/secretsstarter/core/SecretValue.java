package dev.secretsstarter.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One version of a secret with its value (text or binary) and the version's identity. Its
 * {@code toString} never shows the value.
 * <p>
 * Immutable and thread-safe (the binary value is copied in and out).
 *
 * @author secrets-starter team
 */
public final class SecretValue {

	private final String arn;

	private final String name;

	private final String versionId;

	private final List<String> versionStages;

	private final @Nullable Instant createdDate;

	private final @Nullable String string;

	private final byte @Nullable [] binary;

	/**
	 * Create a value.
	 * @param arn the secret's ARN
	 * @param name the secret's name
	 * @param versionId the version id
	 * @param versionStages the version's staging labels
	 * @param createdDate when the version was created, or {@code null}
	 * @param string the text value, or {@code null} for a binary secret
	 * @param binary the binary value, or {@code null} for a text secret
	 */
	public SecretValue(String arn, String name, String versionId, List<String> versionStages,
			@Nullable Instant createdDate, @Nullable String string, byte @Nullable [] binary) {
		this.arn = arn;
		this.name = name;
		this.versionId = versionId;
		this.versionStages = List.copyOf(versionStages);
		this.createdDate = createdDate;
		this.string = string;
		this.binary = (binary != null) ? binary.clone() : null;
	}

	public String arn() {
		return this.arn;
	}

	public String name() {
		return this.name;
	}

	public String versionId() {
		return this.versionId;
	}

	public List<String> versionStages() {
		return this.versionStages;
	}

	public @Nullable Instant createdDate() {
		return this.createdDate;
	}

	/**
	 * Whether the value is binary ({@code SecretBinary}) rather than text.
	 * @return whether the secret is binary
	 */
	public boolean isBinary() {
		return this.string == null && this.binary != null;
	}

	/**
	 * The text value.
	 * @return the text, or {@code null} for a binary secret
	 */
	public @Nullable String string() {
		return this.string;
	}

	/**
	 * The value as bytes: the binary value, or the text in UTF-8.
	 * @return a copy of the bytes
	 */
	public byte[] bytes() {
		if (this.binary != null) {
			return this.binary.clone();
		}
		return (this.string != null) ? this.string.getBytes(StandardCharsets.UTF_8) : new byte[0];
	}

	@Override
	public String toString() {
		return "SecretValue[name=" + this.name + ", versionId=" + this.versionId + ", versionStages="
				+ this.versionStages + ", value=(redacted)]";
	}

}
