package dev.secretsstarter.local.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A secret value: a string or binary, never both. Immutable; {@link #toString()} never shows the value.
 */
public final class SecretValue {

	/** The service's limit on the size of a value. */
	public static final int MAX_BYTES = 65_536;

	private final @Nullable String string;

	private final byte @Nullable [] binary;

	private SecretValue(@Nullable String string, byte @Nullable [] binary) {
		this.string = string;
		this.binary = binary;
	}

	public static SecretValue ofString(String value) {
		check(value.getBytes(StandardCharsets.UTF_8).length, "SecretString");
		return new SecretValue(value, null);
	}

	public static SecretValue ofBinary(byte[] value) {
		check(value.length, "SecretBinary");
		return new SecretValue(null, value.clone());
	}

	/**
	 * Builds a value from the request's two optional fields, enforcing "exactly one of them".
	 * @return the value, or {@code null} when neither was given
	 */
	public static @Nullable SecretValue of(@Nullable String string, byte @Nullable [] binary) {
		if (string != null && binary != null) {
			throw ServiceError.invalidParameter("You can't specify both SecretString and SecretBinary.");
		}
		if (string != null) {
			return ofString(string);
		}
		return (binary != null) ? ofBinary(binary) : null;
	}

	private static void check(int length, String field) {
		if (length > MAX_BYTES) {
			throw ServiceError.invalidParameter(field + " must be at most " + MAX_BYTES + " bytes.");
		}
	}

	public @Nullable String string() {
		return this.string;
	}

	public byte @Nullable [] binary() {
		return (this.binary != null) ? this.binary.clone() : null;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof SecretValue that && Objects.equals(this.string, that.string)
				&& Arrays.equals(this.binary, that.binary);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.string, Arrays.hashCode(this.binary));
	}

	@Override
	public String toString() {
		return (this.string != null) ? "SecretValue[string, redacted]" : "SecretValue[binary, redacted]";
	}

}
