package dev.secretsstarter.core;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Result of scheduling a secret for deletion.
 * <p>
 * Immutable and thread-safe.
 *
 * @param arn the secret's ARN
 * @param name the secret's name
 * @param deletionDate when the secret is deleted for good; until then it can be restored (for a
 * deletion without recovery, about now)
 * @author secrets-starter team
 */
public record SecretDeletion(String arn, String name, @Nullable Instant deletionDate) {

}
