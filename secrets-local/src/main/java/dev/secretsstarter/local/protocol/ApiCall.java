package dev.secretsstarter.local.protocol;

import java.time.Instant;

import dev.secretsstarter.local.store.Changes;

/**
 * One request as the operations see it: its input, the region from the SigV4 credential scope, the
 * time it is handled at and the changes it makes. Confined to the handling thread.
 *
 * @param operation the operation name
 * @param region the region the request was signed for
 * @param input the request members
 * @param now the server clock's time for this request
 * @param changes what the request changed
 */
public record ApiCall(String operation, String region, JsonInput input, Instant now, Changes changes) {

}
