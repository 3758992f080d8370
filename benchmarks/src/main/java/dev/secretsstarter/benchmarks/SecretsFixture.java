package dev.secretsstarter.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The secrets every benchmark uses: names {@code bench/s000}, {@code bench/s001}, … each holding a
 * flat JSON object of exactly 1 KB whose keys are unique to the secret ({@code s000.username},
 * {@code s000.password}, {@code s000.revision}, {@code s000.url}, {@code s000.pad}), so that
 * importing many secrets into one {@code Environment} never shadows a key, and so that
 * {@code @ConfigurationProperties("s000")} binds them with either starter. The values are obvious
 * dummies.
 *
 * @author secrets-starter team
 */
public final class SecretsFixture {

	/** The size each JSON value is padded to. */
	public static final int VALUE_BYTES = 1024;

	private SecretsFixture() {
	}

	/**
	 * The name of secret {@code i}.
	 * @param i the index
	 * @return the name
	 */
	public static String name(int i) {
		return String.format(Locale.ROOT, "bench/s%03d", i);
	}

	/**
	 * The property-key prefix of secret {@code i}.
	 * @param i the index
	 * @return e.g. {@code s007}
	 */
	public static String keyPrefix(int i) {
		return String.format(Locale.ROOT, "s%03d", i);
	}

	/**
	 * The names of the first {@code n} secrets.
	 * @param n how many
	 * @return the names
	 */
	public static List<String> names(int n) {
		List<String> names = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			names.add(name(i));
		}
		return names;
	}

	/**
	 * The JSON value of secret {@code i} at a revision, exactly {@link #VALUE_BYTES} bytes long.
	 * @param i the index
	 * @param revision the revision (changes the password and the revision key)
	 * @return the JSON
	 */
	public static String json(int i, int revision) {
		String p = keyPrefix(i);
		String head = String.format(Locale.ROOT,
				"{\"%1$s.username\":\"user-%1$s\",\"%1$s.password\":\"dummy-password-%2$06d\","
						+ "\"%1$s.revision\":\"%2$d\",\"%1$s.url\":\"jdbc:h2:mem:%1$s\",\"%1$s.pad\":\"",
				p, revision);
		String tail = "\"}";
		int padLength = VALUE_BYTES - head.length() - tail.length();
		return head + "x".repeat(Math.max(0, padLength)) + tail;
	}

	/**
	 * The {@code spring.config.import} value that imports the first {@code n} secrets, in the
	 * syntax both Spring Cloud AWS and secrets-starter accept.
	 * @param n how many
	 * @return the location, or an empty string for none
	 */
	public static String configImport(int n) {
		return (n == 0) ? "" : "aws-secretsmanager:" + String.join(";", names(n));
	}

}
