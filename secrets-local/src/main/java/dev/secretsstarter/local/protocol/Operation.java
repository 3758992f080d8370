package dev.secretsstarter.local.protocol;

import tools.jackson.databind.node.ObjectNode;

/**
 * One API operation. Called with the store lock held, so implementations may read and change store
 * state directly; they record what they changed in {@link ApiCall#changes()}.
 */
@FunctionalInterface
public interface Operation {

	ObjectNode handle(ApiCall call);

}
