package dev.secretsstarter.core;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerServiceClientConfiguration;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SecretsOperations} over a synchronous {@link SecretsManagerClient}. Auto-configured as a
 * bean; create one by hand with any client and a {@link JsonMapper}.
 * <p>
 * Every SDK failure is translated by {@link SecretsExceptionTranslator}, naming the client's
 * endpoint in connection failures. Thread-safe: it holds no state besides the client and mapper.
 *
 * @author secrets-starter team
 */
public class SecretsTemplate implements SecretsOperations {

	private final SecretsManagerClient client;

	private final SecretJson json;

	private final String endpoint;

	/**
	 * Create a template.
	 * @param client the client to call
	 * @param jsonMapper the mapper for JSON values
	 */
	public SecretsTemplate(SecretsManagerClient client, JsonMapper jsonMapper) {
		this.client = client;
		this.json = new SecretJson(jsonMapper);
		this.endpoint = endpoint(client);
	}

	private static String endpoint(SecretsManagerClient client) {
		SecretsManagerServiceClientConfiguration configuration = client.serviceClientConfiguration();
		return configuration.endpointOverride()
			.map(URI::toString)
			.orElseGet(() -> "the regional endpoint of " + configuration.region());
	}

	/**
	 * The client this template calls, for operations it does not cover.
	 * @return the client
	 */
	public SecretsManagerClient getClient() {
		return this.client;
	}

	@Override
	public SecretReference create(String name, String value, CreateSecretOptions options) {
		return create(name, options, (request) -> request.secretString(value));
	}

	@Override
	public SecretReference create(String name, byte[] value, CreateSecretOptions options) {
		return create(name, options, (request) -> request.secretBinary(SdkBytes.fromByteArray(value)));
	}

	@Override
	public SecretReference createJson(String name, Object value, CreateSecretOptions options) {
		String text = this.json.write(name, "CreateSecret", value);
		return create(name, options, (request) -> request.secretString(text));
	}

	private SecretReference create(String name, CreateSecretOptions options,
			java.util.function.Consumer<CreateSecretRequest.Builder> value) {
		CreateSecretResponse response = call(name, "CreateSecret", () -> this.client.createSecret((request) -> {
			request.name(name).description(options.description()).kmsKeyId(options.kmsKeyId());
			if (!options.tags().isEmpty()) {
				request.tags(tags(options.tags()));
			}
			value.accept(request);
		}));
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public SecretReference putValue(String secretId, String value) {
		PutSecretValueResponse response = call(secretId, "PutSecretValue",
				() -> this.client.putSecretValue((request) -> request.secretId(secretId).secretString(value)));
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public SecretReference putValue(String secretId, byte[] value) {
		PutSecretValueResponse response = call(secretId, "PutSecretValue", () -> this.client
			.putSecretValue((request) -> request.secretId(secretId).secretBinary(SdkBytes.fromByteArray(value))));
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public SecretReference putJson(String secretId, Object value) {
		return putValue(secretId, this.json.write(secretId, "PutSecretValue", value));
	}

	@Override
	public SecretReference updateDescription(String secretId, String description) {
		UpdateSecretResponse response = call(secretId, "UpdateSecret",
				() -> this.client.updateSecret((request) -> request.secretId(secretId).description(description)));
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public SecretReference updateValue(String secretId, String value) {
		UpdateSecretResponse response = call(secretId, "UpdateSecret",
				() -> this.client.updateSecret((request) -> request.secretId(secretId).secretString(value)));
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public SecretReference updateValue(String secretId, byte[] value) {
		UpdateSecretResponse response = call(secretId, "UpdateSecret", () -> this.client
			.updateSecret((request) -> request.secretId(secretId).secretBinary(SdkBytes.fromByteArray(value))));
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public SecretMetadata describe(String secretId) {
		return SecretMetadata.from(call(secretId, "DescribeSecret",
				() -> this.client.describeSecret((request) -> request.secretId(secretId))));
	}

	@Override
	public Stream<SecretMetadata> list(List<SecretFilter> filters, boolean includePlannedDeletion) {
		Iterable<ListSecretsResponse> pages = call(null, "ListSecrets",
				() -> this.client.listSecretsPaginator((request) -> request
					.includePlannedDeletion(includePlannedDeletion)
					.filters(filters.isEmpty() ? null : filters.stream().map(SecretFilter::toSdkFilter).toList())));
		// Pages are fetched while the stream is consumed, so failures surface there, translated.
		Iterator<ListSecretsResponse> responses = new TranslatingIterator<>(pages.iterator());
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(responses, Spliterator.ORDERED), false)
			.flatMap((response) -> response.secretList().stream())
			.map(SecretMetadata::from);
	}

	@Override
	public String getString(String secretId, VersionSelector version) {
		GetSecretValueResponse response = getSecretValue(secretId, version);
		if (response.secretString() == null) {
			throw new SecretConversionException("Secret '" + secretId + "' (" + version + ") holds a binary value, "
					+ "not text. Read it with getBytes.", secretId, "GetSecretValue", String.class);
		}
		return response.secretString();
	}

	@Override
	public byte[] getBytes(String secretId, VersionSelector version) {
		return toValue(getSecretValue(secretId, version)).bytes();
	}

	@Override
	public <T> T get(String secretId, VersionSelector version, Class<T> type) {
		return this.json.read(secretId, "GetSecretValue", version, getString(secretId, version), type);
	}

	@Override
	public SecretValue getValue(String secretId, VersionSelector version) {
		return toValue(getSecretValue(secretId, version));
	}

	private GetSecretValueResponse getSecretValue(String secretId, VersionSelector version) {
		GetSecretValueRequest request = GetSecretValueRequest.builder()
			.secretId(secretId)
			.versionStage(version.stage())
			.versionId(version.versionId())
			.build();
		return call(secretId, "GetSecretValue", () -> this.client.getSecretValue(request));
	}

	private static SecretValue toValue(GetSecretValueResponse response) {
		return new SecretValue(response.arn(), response.name(), response.versionId(), response.versionStages(),
				response.createdDate(), response.secretString(),
				(response.secretBinary() != null) ? response.secretBinary().asByteArray() : null);
	}

	@Override
	public SecretDeletion delete(String secretId) {
		return deleteSecret(secretId, null, false);
	}

	@Override
	public SecretDeletion delete(String secretId, Duration recoveryWindow) {
		return deleteSecret(secretId, recoveryWindow.toDays(), false);
	}

	@Override
	public SecretDeletion deleteWithoutRecovery(String secretId) {
		return deleteSecret(secretId, null, true);
	}

	private SecretDeletion deleteSecret(String secretId, @Nullable Long recoveryDays, boolean force) {
		DeleteSecretResponse response = call(secretId, "DeleteSecret",
				() -> this.client.deleteSecret((request) -> request.secretId(secretId)
					.recoveryWindowInDays(recoveryDays)
					.forceDeleteWithoutRecovery(force ? Boolean.TRUE : null)));
		return new SecretDeletion(response.arn(), response.name(), response.deletionDate());
	}

	@Override
	public SecretReference restore(String secretId) {
		var response = call(secretId, "RestoreSecret",
				() -> this.client.restoreSecret((request) -> request.secretId(secretId)));
		return new SecretReference(response.arn(), response.name(), null);
	}

	@Override
	public void tag(String secretId, Map<String, String> tags) {
		call(secretId, "TagResource",
				() -> this.client.tagResource((request) -> request.secretId(secretId).tags(tags(tags))));
	}

	@Override
	public void untag(String secretId, Collection<String> tagKeys) {
		call(secretId, "UntagResource",
				() -> this.client.untagResource((request) -> request.secretId(secretId).tagKeys(tagKeys)));
	}

	@Override
	public SecretReference moveStage(String secretId, String stage, String toVersionId) {
		// The service requires the version that carries the label now, so look it up first.
		String fromVersionId = describe(secretId).versionIdOf(stage);
		return updateVersionStage(secretId, stage, toVersionId, fromVersionId);
	}

	@Override
	public SecretReference removeStage(String secretId, String stage, String fromVersionId) {
		return updateVersionStage(secretId, stage, null, fromVersionId);
	}

	private SecretReference updateVersionStage(String secretId, String stage, @Nullable String toVersionId,
			@Nullable String fromVersionId) {
		var response = call(secretId, "UpdateSecretVersionStage",
				() -> this.client.updateSecretVersionStage((request) -> request.secretId(secretId)
					.versionStage(stage)
					.moveToVersionId(toVersionId)
					.removeFromVersionId((fromVersionId != null && !fromVersionId.equals(toVersionId)) ? fromVersionId
							: null)));
		return new SecretReference(response.arn(), response.name(), toVersionId);
	}

	@Override
	public String randomPassword(PasswordOptions options) {
		return call(null, "GetRandomPassword", () -> this.client.getRandomPassword((request) -> request
			.passwordLength(options.length())
			.excludeCharacters(options.excludeCharacters())
			.excludeNumbers(options.excludeNumbers())
			.excludePunctuation(options.excludePunctuation())
			.excludeUppercase(options.excludeUppercase())
			.excludeLowercase(options.excludeLowercase())
			.includeSpace(options.includeSpace())
			.requireEachIncludedType(options.requireEachIncludedType()))).randomPassword();
	}

	@Override
	public SecretReference rotate(String secretId, RotationOptions options) {
		RotateSecretRequest.Builder request = RotateSecretRequest.builder()
			.secretId(secretId)
			.rotationLambdaARN(options.lambdaArn())
			.rotateImmediately(options.rotateImmediately());
		if (options.hasRules()) {
			request.rotationRules((rules) -> rules.automaticallyAfterDays(options.automaticallyAfterDays())
				.scheduleExpression(options.scheduleExpression())
				.duration(options.windowDuration()));
		}
		RotateSecretResponse response = call(secretId, "RotateSecret",
				() -> this.client.rotateSecret(request.build()));
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public SecretReference cancelRotation(String secretId) {
		var response = call(secretId, "CancelRotateSecret",
				() -> this.client.cancelRotateSecret((request) -> request.secretId(secretId)));
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public Optional<String> getResourcePolicy(String secretId) {
		return Optional.ofNullable(call(secretId, "GetResourcePolicy",
				() -> this.client.getResourcePolicy((request) -> request.secretId(secretId)))
			.resourcePolicy());
	}

	@Override
	public SecretReference putResourcePolicy(String secretId, String policy, boolean blockPublicPolicy) {
		var response = call(secretId, "PutResourcePolicy", () -> this.client.putResourcePolicy(
				(request) -> request.secretId(secretId).resourcePolicy(policy).blockPublicPolicy(blockPublicPolicy)));
		return new SecretReference(response.arn(), response.name(), null);
	}

	@Override
	public SecretReference deleteResourcePolicy(String secretId) {
		var response = call(secretId, "DeleteResourcePolicy",
				() -> this.client.deleteResourcePolicy((request) -> request.secretId(secretId)));
		return new SecretReference(response.arn(), response.name(), null);
	}

	@Override
	public PolicyValidation validateResourcePolicy(@Nullable String secretId, String policy) {
		ValidateResourcePolicyResponse response = call(secretId, "ValidateResourcePolicy", () -> this.client
			.validateResourcePolicy((request) -> request.secretId(secretId).resourcePolicy(policy)));
		return new PolicyValidation(Boolean.TRUE.equals(response.policyValidationPassed()),
				response.validationErrors()
					.stream()
					.map((error) -> error.checkName() + ": " + error.errorMessage())
					.toList());
	}

	private static List<Tag> tags(Map<String, String> tags) {
		return tags.entrySet().stream().map((tag) -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
			.toList();
	}

	private <T> T call(@Nullable String secretId, String operation, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (SdkException ex) {
			throw SecretsExceptionTranslator.translate(secretId, operation, ex, this.endpoint);
		}
	}

	private final class TranslatingIterator<T> implements Iterator<T> {

		private final Iterator<T> delegate;

		TranslatingIterator(Iterator<T> delegate) {
			this.delegate = delegate;
		}

		@Override
		public boolean hasNext() {
			return call(null, "ListSecrets", this.delegate::hasNext);
		}

		@Override
		public T next() {
			return call(null, "ListSecrets", this.delegate::next);
		}

	}

}
