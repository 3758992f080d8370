package dev.secretsstarter.core;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerServiceClientConfiguration;
import software.amazon.awssdk.services.secretsmanager.model.CancelRotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CancelRotateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageResponse;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ValidationErrorsEntry;
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

	// Requests are built in the method bodies and the client is called through method references,
	// never lambdas over SDK builders or responses: Spring scans every bean type with
	// getDeclaredMethods(), which loads each type named in a declared signature (javac's synthetic
	// lambda methods included), so a lambda over an SDK type costs start-up time in applications
	// that never use this template. SecretsTemplateTests keeps it that way.

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
		SecretsManagerServiceClientConfiguration configuration = client.serviceClientConfiguration();
		this.endpoint = configuration.endpointOverride()
			.map(URI::toString)
			.orElse("the regional endpoint of " + configuration.region());
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
		return create(name, options, value, null);
	}

	@Override
	public SecretReference create(String name, byte[] value, CreateSecretOptions options) {
		return create(name, options, null, value);
	}

	@Override
	public SecretReference createJson(String name, Object value, CreateSecretOptions options) {
		return create(name, options, this.json.write(name, "CreateSecret", value), null);
	}

	private SecretReference create(String name, CreateSecretOptions options, @Nullable String string,
			byte @Nullable [] binary) {
		CreateSecretRequest.Builder request = CreateSecretRequest.builder()
			.name(name)
			.description(options.description())
			.kmsKeyId(options.kmsKeyId())
			.secretString(string)
			.secretBinary((binary != null) ? SdkBytes.fromByteArray(binary) : null);
		if (!options.tags().isEmpty()) {
			request.tags(tags(options.tags()));
		}
		CreateSecretResponse response = call(name, "CreateSecret", request.build(), this.client::createSecret);
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public SecretReference putValue(String secretId, String value) {
		PutSecretValueRequest request = PutSecretValueRequest.builder().secretId(secretId).secretString(value).build();
		PutSecretValueResponse response = call(secretId, "PutSecretValue", request, this.client::putSecretValue);
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public SecretReference putValue(String secretId, byte[] value) {
		PutSecretValueRequest request = PutSecretValueRequest.builder()
			.secretId(secretId)
			.secretBinary(SdkBytes.fromByteArray(value))
			.build();
		PutSecretValueResponse response = call(secretId, "PutSecretValue", request, this.client::putSecretValue);
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public SecretReference putJson(String secretId, Object value) {
		return putValue(secretId, this.json.write(secretId, "PutSecretValue", value));
	}

	@Override
	public SecretReference updateDescription(String secretId, String description) {
		UpdateSecretRequest request = UpdateSecretRequest.builder().secretId(secretId).description(description).build();
		UpdateSecretResponse response = call(secretId, "UpdateSecret", request, this.client::updateSecret);
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public SecretReference updateValue(String secretId, String value) {
		UpdateSecretRequest request = UpdateSecretRequest.builder().secretId(secretId).secretString(value).build();
		UpdateSecretResponse response = call(secretId, "UpdateSecret", request, this.client::updateSecret);
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public SecretReference updateValue(String secretId, byte[] value) {
		UpdateSecretRequest request = UpdateSecretRequest.builder()
			.secretId(secretId)
			.secretBinary(SdkBytes.fromByteArray(value))
			.build();
		UpdateSecretResponse response = call(secretId, "UpdateSecret", request, this.client::updateSecret);
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public SecretMetadata describe(String secretId) {
		DescribeSecretRequest request = DescribeSecretRequest.builder().secretId(secretId).build();
		DescribeSecretResponse response = call(secretId, "DescribeSecret", request, this.client::describeSecret);
		return SecretMetadata.from(response);
	}

	@Override
	public Stream<SecretMetadata> list(List<SecretFilter> filters, boolean includePlannedDeletion) {
		ListSecretsRequest request = ListSecretsRequest.builder()
			.includePlannedDeletion(includePlannedDeletion)
			.filters(filters.isEmpty() ? null : filters.stream().map(SecretFilter::toSdkFilter).toList())
			.build();
		Iterable<ListSecretsResponse> pages = call(null, "ListSecrets", request, this.client::listSecretsPaginator);
		// Pages are fetched while the stream is consumed, so failures surface there, translated.
		Iterator<ListSecretsResponse> responses = new TranslatingIterator<>(pages.iterator());
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(responses, Spliterator.ORDERED), false)
			.map(ListSecretsResponse::secretList)
			.flatMap(List::stream)
			.map(SecretMetadata::from);
	}

	@Override
	public String getString(String secretId, VersionSelector version) {
		String string = getSecretValue(secretId, version).string();
		if (string == null) {
			throw new SecretConversionException("Secret '" + secretId + "' (" + version + ") holds a binary value, "
					+ "not text. Read it with getBytes.", secretId, "GetSecretValue", String.class);
		}
		return string;
	}

	@Override
	public byte[] getBytes(String secretId, VersionSelector version) {
		return getSecretValue(secretId, version).bytes();
	}

	@Override
	public <T> T get(String secretId, VersionSelector version, Class<T> type) {
		return this.json.read(secretId, "GetSecretValue", version, getString(secretId, version), type);
	}

	@Override
	public SecretValue getValue(String secretId, VersionSelector version) {
		return getSecretValue(secretId, version);
	}

	private SecretValue getSecretValue(String secretId, VersionSelector version) {
		GetSecretValueRequest request = GetSecretValueRequest.builder()
			.secretId(secretId)
			.versionStage(version.stage())
			.versionId(version.versionId())
			.build();
		GetSecretValueResponse response = call(secretId, "GetSecretValue", request, this.client::getSecretValue);
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
		DeleteSecretRequest request = DeleteSecretRequest.builder()
			.secretId(secretId)
			.recoveryWindowInDays(recoveryDays)
			.forceDeleteWithoutRecovery(force ? Boolean.TRUE : null)
			.build();
		DeleteSecretResponse response = call(secretId, "DeleteSecret", request, this.client::deleteSecret);
		return new SecretDeletion(response.arn(), response.name(), response.deletionDate());
	}

	@Override
	public SecretReference restore(String secretId) {
		RestoreSecretRequest request = RestoreSecretRequest.builder().secretId(secretId).build();
		RestoreSecretResponse response = call(secretId, "RestoreSecret", request, this.client::restoreSecret);
		return new SecretReference(response.arn(), response.name(), null);
	}

	@Override
	public void tag(String secretId, Map<String, String> tags) {
		TagResourceRequest request = TagResourceRequest.builder().secretId(secretId).tags(tags(tags)).build();
		call(secretId, "TagResource", request, this.client::tagResource);
	}

	// The erased return type is List: scanning this method loads no SDK class.
	private static List<Tag> tags(Map<String, String> tags) {
		List<Tag> sdkTags = new ArrayList<>(tags.size());
		tags.forEach((key, value) -> sdkTags.add(Tag.builder().key(key).value(value).build()));
		return sdkTags;
	}

	@Override
	public void untag(String secretId, Collection<String> tagKeys) {
		UntagResourceRequest request = UntagResourceRequest.builder().secretId(secretId).tagKeys(tagKeys).build();
		call(secretId, "UntagResource", request, this.client::untagResource);
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
		UpdateSecretVersionStageRequest request = UpdateSecretVersionStageRequest.builder()
			.secretId(secretId)
			.versionStage(stage)
			.moveToVersionId(toVersionId)
			.removeFromVersionId((fromVersionId != null && !fromVersionId.equals(toVersionId)) ? fromVersionId : null)
			.build();
		UpdateSecretVersionStageResponse response = call(secretId, "UpdateSecretVersionStage", request,
				this.client::updateSecretVersionStage);
		return new SecretReference(response.arn(), response.name(), toVersionId);
	}

	@Override
	public String randomPassword(PasswordOptions options) {
		GetRandomPasswordRequest request = GetRandomPasswordRequest.builder()
			.passwordLength(options.length())
			.excludeCharacters(options.excludeCharacters())
			.excludeNumbers(options.excludeNumbers())
			.excludePunctuation(options.excludePunctuation())
			.excludeUppercase(options.excludeUppercase())
			.excludeLowercase(options.excludeLowercase())
			.includeSpace(options.includeSpace())
			.requireEachIncludedType(options.requireEachIncludedType())
			.build();
		return call(null, "GetRandomPassword", request, this.client::getRandomPassword).randomPassword();
	}

	@Override
	public SecretReference rotate(String secretId, RotationOptions options) {
		RotateSecretRequest.Builder request = RotateSecretRequest.builder()
			.secretId(secretId)
			.rotationLambdaARN(options.lambdaArn())
			.rotateImmediately(options.rotateImmediately());
		if (options.hasRules()) {
			request.rotationRules(RotationRulesType.builder()
				.automaticallyAfterDays(options.automaticallyAfterDays())
				.scheduleExpression(options.scheduleExpression())
				.duration(options.windowDuration())
				.build());
		}
		RotateSecretResponse response = call(secretId, "RotateSecret", request.build(), this.client::rotateSecret);
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public SecretReference cancelRotation(String secretId) {
		CancelRotateSecretRequest request = CancelRotateSecretRequest.builder().secretId(secretId).build();
		CancelRotateSecretResponse response = call(secretId, "CancelRotateSecret", request,
				this.client::cancelRotateSecret);
		return new SecretReference(response.arn(), response.name(), response.versionId());
	}

	@Override
	public Optional<String> getResourcePolicy(String secretId) {
		GetResourcePolicyRequest request = GetResourcePolicyRequest.builder().secretId(secretId).build();
		return Optional
			.ofNullable(call(secretId, "GetResourcePolicy", request, this.client::getResourcePolicy).resourcePolicy());
	}

	@Override
	public SecretReference putResourcePolicy(String secretId, String policy, boolean blockPublicPolicy) {
		PutResourcePolicyRequest request = PutResourcePolicyRequest.builder()
			.secretId(secretId)
			.resourcePolicy(policy)
			.blockPublicPolicy(blockPublicPolicy)
			.build();
		PutResourcePolicyResponse response = call(secretId, "PutResourcePolicy", request,
				this.client::putResourcePolicy);
		return new SecretReference(response.arn(), response.name(), null);
	}

	@Override
	public SecretReference deleteResourcePolicy(String secretId) {
		DeleteResourcePolicyRequest request = DeleteResourcePolicyRequest.builder().secretId(secretId).build();
		DeleteResourcePolicyResponse response = call(secretId, "DeleteResourcePolicy", request,
				this.client::deleteResourcePolicy);
		return new SecretReference(response.arn(), response.name(), null);
	}

	@Override
	public PolicyValidation validateResourcePolicy(@Nullable String secretId, String policy) {
		ValidateResourcePolicyRequest request = ValidateResourcePolicyRequest.builder()
			.secretId(secretId)
			.resourcePolicy(policy)
			.build();
		ValidateResourcePolicyResponse response = call(secretId, "ValidateResourcePolicy", request,
				this.client::validateResourcePolicy);
		List<String> errors = new ArrayList<>();
		for (ValidationErrorsEntry error : response.validationErrors()) {
			errors.add(error.checkName() + ": " + error.errorMessage());
		}
		return new PolicyValidation(Boolean.TRUE.equals(response.policyValidationPassed()), errors);
	}

	private <Q, R> R call(@Nullable String secretId, String operation, Q request, Function<Q, R> call) {
		try {
			return call.apply(request);
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
			return call(null, "ListSecrets", this.delegate, Iterator::hasNext);
		}

		@Override
		public T next() {
			return call(null, "ListSecrets", this.delegate, Iterator::next);
		}

	}

}
