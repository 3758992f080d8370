package dev.secretsstarter.local.ops;

import java.util.UUID;

import dev.secretsstarter.local.RotationFunction;
import dev.secretsstarter.local.SecretChangeEvent;
import dev.secretsstarter.local.protocol.ApiCall;
import dev.secretsstarter.local.protocol.Dispatcher;
import dev.secretsstarter.local.protocol.JsonInput;
import dev.secretsstarter.local.rotation.RotationEngine;
import dev.secretsstarter.local.rotation.Schedules;
import dev.secretsstarter.local.store.RotationSettings;
import dev.secretsstarter.local.store.Secret;
import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.ServiceError;
import dev.secretsstarter.local.store.Stages;
import dev.secretsstarter.local.store.Validation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * RotateSecret and CancelRotateSecret: configure rotation and start it through the
 * {@link RotationEngine} once the request's changes are committed. Stateless; runs under the store lock.
 */
public final class RotationOperations {

	private final SecretStore store;

	private final RotationEngine engine;

	private final Dispatcher dispatcher;

	public RotationOperations(SecretStore store, RotationEngine engine, Dispatcher dispatcher) {
		this.store = store;
		this.engine = engine;
		this.dispatcher = dispatcher;
	}

	public void register(Dispatcher dispatcher) {
		dispatcher.register("RotateSecret", this::rotateSecret);
		dispatcher.register("CancelRotateSecret", this::cancelRotateSecret);
	}

	private ObjectNode rotateSecret(ApiCall call) {
		JsonInput in = call.input();
		Secret secret = this.store.requireWritable(call.region(), in.requireString("SecretId"));
		String lambda = (in.string("RotationLambdaARN") != null) ? in.string("RotationLambdaARN")
				: secret.rotationLambdaArn();
		if (lambda == null) {
			throw ServiceError.invalidRequest("No Lambda rotation function ARN is associated with this secret. ("
					+ secret.name() + ")");
		}
		RotationFunction function = this.engine.requireFunction(lambda);
		RotationSettings rules = rules(in.object("RotationRules"), secret);
		String token = (in.string("ClientRequestToken") != null) ? in.string("ClientRequestToken")
				: UUID.randomUUID().toString();
		Validation.clientRequestToken(token);
		boolean immediately = in.bool("RotateImmediately", true);
		if (immediately) {
			this.engine.begin(secret, token);
		}
		else if (RotationEngine.inProgress(secret)) {
			throw ServiceError.invalidRequest("A previous rotation isn't complete. (" + secret.name() + ")");
		}
		secret.rotationEnabled(true);
		secret.rotationLambdaArn(lambda);
		secret.rotationRules(rules);
		secret.nextRotation(Schedules.next(rules, call.now()));
		call.changes().record(SecretChangeEvent.Type.METADATA_CHANGED, secret);
		ObjectNode response = Views.arnAndName(secret);
		if (immediately) {
			String region = call.region();
			String arn = secret.arn();
			this.dispatcher.afterCommit(() -> this.engine.launch(region, arn, token, function));
			response.put("VersionId", token);
		}
		return response;
	}

	private static @Nullable RotationSettings rules(@Nullable JsonInput rulesInput, Secret secret) {
		if (rulesInput == null) {
			return secret.rotationRules();
		}
		RotationSettings rules = new RotationSettings(rulesInput.longValue("AutomaticallyAfterDays"),
				rulesInput.string("ScheduleExpression"), rulesInput.string("Duration"));
		Schedules.validate(rules);
		return rules;
	}

	private ObjectNode cancelRotateSecret(ApiCall call) {
		Secret secret = this.store.requireWritable(call.region(), call.input().requireString("SecretId"));
		secret.rotationEnabled(false);
		secret.nextRotation(null);
		secret.rotationInProgress(null);
		call.changes().record(SecretChangeEvent.Type.METADATA_CHANGED, secret);
		ObjectNode response = Views.arnAndName(secret);
		secret.versionWithStage(Stages.PENDING).ifPresent((v) -> response.put("VersionId", v.id()));
		return response;
	}

}
