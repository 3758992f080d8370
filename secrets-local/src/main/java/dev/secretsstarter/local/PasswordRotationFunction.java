package dev.secretsstarter.local;

import java.util.Objects;
import java.util.function.Consumer;

import dev.secretsstarter.local.protocol.Json;
import dev.secretsstarter.local.store.PasswordGenerator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ready-made rotation function for JSON credentials: {@code createSecret} copies the current JSON and
 * replaces one key (default {@code password}) with a new random password; {@code setSecret} and
 * {@code testSecret} hand the new password to callbacks (e.g. to run {@code ALTER USER} against a test
 * database); {@code finishSecret} makes the new version current.
 *
 * <pre>{@code
 * server.registerRotationFunction("arn:aws:lambda:us-east-1:000000000000:function:rotate-db",
 *     PasswordRotationFunction.forKey("password")
 *         .length(24).excludePunctuation(true)
 *         .onSet((newPassword) -> jdbc.execute("ALTER USER app SET PASSWORD '" + newPassword + "'")));
 * }</pre>
 *
 * <p>Configure it before registering it; once registered it is only read, so it is safe to run for
 * several secrets at once. Error messages never include a value.
 */
public final class PasswordRotationFunction extends AbstractRotationFunction {

	private final String key;

	private volatile PasswordGenerator.Rules rules = PasswordGenerator.Rules.defaults();

	private volatile Consumer<String> onSet = (password) -> {
	};

	private volatile Consumer<String> onTest = (password) -> {
	};

	private PasswordRotationFunction(String key) {
		this.key = key;
	}

	/** @return a function that rotates the JSON member {@code key} of the secret's SecretString */
	public static PasswordRotationFunction forKey(String key) {
		return new PasswordRotationFunction(Objects.requireNonNull(key, "key"));
	}

	/** The new password's length, 32 by default (1 to 4096). */
	public PasswordRotationFunction length(int length) {
		if (length < 1 || length > 4096) {
			throw new IllegalArgumentException("length must be between 1 and 4096");
		}
		this.rules = this.rules.withLength(length);
		return this;
	}

	/** Characters the new password must not contain. */
	public PasswordRotationFunction excludeCharacters(String characters) {
		this.rules = this.rules.withExcludeCharacters(Objects.requireNonNull(characters, "characters"));
		return this;
	}

	/** Whether the new password must not contain punctuation (handy for SQL literals). */
	public PasswordRotationFunction excludePunctuation(boolean exclude) {
		this.rules = this.rules.withExcludePunctuation(exclude);
		return this;
	}

	/** Called in setSecret with the new password; throw to fail the rotation. */
	public PasswordRotationFunction onSet(Consumer<String> callback) {
		this.onSet = Objects.requireNonNull(callback, "callback");
		return this;
	}

	/** Called in testSecret with the new password; throw to fail the rotation. */
	public PasswordRotationFunction onTest(Consumer<String> callback) {
		this.onTest = Objects.requireNonNull(callback, "callback");
		return this;
	}

	@Override
	public void createSecret(RotationContext context) {
		if (context.pendingSecretString().isPresent()) {
			// A retried rotation keeps the password it already generated, as AWS's templates do.
			return;
		}
		String current = context.currentSecretString()
			.orElseThrow(() -> new IllegalStateException("Secret " + context.secretId() + " has no current SecretString"));
		ObjectNode json = parseObject(current, context);
		json.put(this.key, PasswordGenerator.generate(this.rules));
		context.putPendingSecretString(Json.MAPPER.writeValueAsString(json));
	}

	@Override
	public void setSecret(RotationContext context) {
		this.onSet.accept(pendingPassword(context));
	}

	@Override
	public void testSecret(RotationContext context) {
		this.onTest.accept(pendingPassword(context));
	}

	private String pendingPassword(RotationContext context) {
		String pending = context.pendingSecretString()
			.orElseThrow(() -> new IllegalStateException("Secret " + context.secretId() + " has no pending version"));
		JsonNode password = parseObject(pending, context).get(this.key);
		if (password == null || !password.isString()) {
			throw new IllegalStateException("Pending version of " + context.secretId() + " has no string key " + this.key);
		}
		return password.stringValue();
	}

	private static ObjectNode parseObject(String value, RotationContext context) {
		try {
			JsonNode node = Json.MAPPER.readTree(value);
			if (node instanceof ObjectNode object) {
				return object;
			}
		}
		catch (JacksonException ex) {
			// reported below without the parser's message, which could quote the value
		}
		throw new IllegalStateException("Secret " + context.secretId() + " is not a JSON object");
	}

	@Override
	public String toString() {
		return "PasswordRotationFunction[key=" + this.key + "]";
	}

}
