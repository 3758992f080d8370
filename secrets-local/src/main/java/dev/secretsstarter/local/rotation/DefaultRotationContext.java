package dev.secretsstarter.local.rotation;

import java.util.List;
import java.util.Optional;

import dev.secretsstarter.local.RotationContext;
import dev.secretsstarter.local.ops.SecretWrites;
import dev.secretsstarter.local.ops.StageOperations;
import dev.secretsstarter.local.protocol.Dispatcher;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.SecretValue;
import dev.secretsstarter.local.store.SecretVersion;
import dev.secretsstarter.local.store.Stages;

/**
 * A {@link RotationContext} backed by the store: each call takes the store lock, so a step sees the
 * same consistency an API caller would. Thread-safe.
 */
final class DefaultRotationContext implements RotationContext {

	private final SecretStore store;

	private final Dispatcher dispatcher;

	private final java.time.Clock clock;

	private final String region;

	private final String arn;

	private final String token;

	private final String step;

	DefaultRotationContext(SecretStore store, Dispatcher dispatcher, java.time.Clock clock, String region, String arn,
			String token, String step) {
		this.store = store;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.region = region;
		this.arn = arn;
		this.token = token;
		this.step = step;
	}

	@Override
	public String secretId() {
		return this.arn;
	}

	@Override
	public String clientRequestToken() {
		return this.token;
	}

	@Override
	public String step() {
		return this.step;
	}

	@Override
	public Optional<String> currentSecretString() {
		return this.store.locked(() -> this.store.require(this.region, this.arn)
			.versionWithStage(Stages.CURRENT)
			.map(SecretVersion::value)
			.map(SecretValue::string));
	}

	@Override
	public Optional<String> pendingSecretString() {
		return this.store.locked(() -> Optional
			.ofNullable(this.store.require(this.region, this.arn).versions().get(this.token))
			.map(SecretVersion::value)
			.map(SecretValue::string));
	}

	@Override
	public Optional<String> currentVersionId() {
		return this.store.locked(() -> Optional.ofNullable(this.store.require(this.region, this.arn).currentVersionId()));
	}

	@Override
	public void putPendingSecretString(String secretString) {
		SecretValue value = SecretValue.ofString(secretString);
		this.dispatcher.apply("PutSecretValue", (changes) -> {
			Secret secret = this.store.requireWritable(this.region, this.arn);
			return SecretWrites.putValue(secret, this.token, value, List.of(Stages.PENDING), this.clock.instant(),
					changes);
		});
	}

	@Override
	public void makePendingCurrent() {
		this.dispatcher.apply("UpdateSecretVersionStage", (changes) -> {
			Secret secret = this.store.requireWritable(this.region, this.arn);
			StageOperations.updateStage(secret, Stages.CURRENT, secret.currentVersionId(), this.token, changes);
			SecretVersion pending = secret.versions().get(this.token);
			if (pending != null) {
				pending.stages().remove(Stages.PENDING);
			}
			secret.changed(this.clock.instant());
			return null;
		});
	}

	@Override
	public String toString() {
		return "RotationContext[" + this.arn + " " + this.step + " " + this.token + "]";
	}

}
