package dev.secretsstarter.local.ops;

import dev.secretsstarter.local.protocol.ApiCall;
import dev.secretsstarter.local.protocol.Dispatcher;
import dev.secretsstarter.local.protocol.Json;
import dev.secretsstarter.local.protocol.JsonInput;
import dev.secretsstarter.local.store.PasswordGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * GetRandomPassword. Stateless.
 */
public final class PasswordOperations {

	public void register(Dispatcher dispatcher) {
		dispatcher.register("GetRandomPassword", this::getRandomPassword);
	}

	private ObjectNode getRandomPassword(ApiCall call) {
		JsonInput in = call.input();
		Integer length = in.integer("PasswordLength");
		String exclude = in.string("ExcludeCharacters");
		PasswordGenerator.Rules rules = new PasswordGenerator.Rules((length != null) ? length : 32,
				(exclude != null) ? exclude : "", in.bool("ExcludeNumbers", false), in.bool("ExcludePunctuation", false),
				in.bool("ExcludeUppercase", false), in.bool("ExcludeLowercase", false), in.bool("IncludeSpace", false),
				in.bool("RequireEachIncludedType", true));
		ObjectNode response = Json.object();
		response.put("RandomPassword", PasswordGenerator.generate(rules));
		return response;
	}

}
