package dev.secretsstarter.core;

import org.jspecify.annotations.Nullable;

/**
 * Identifies a secret, and the version an operation created or acted on when it has one: the
 * result of writes (create, put, update, rotate, restore, policy changes).
 * <p>
 * Immutable and thread-safe.
 *
 * @param arn the secret's ARN
 * @param name the secret's name
 * @param versionId the version created or acted on, or {@code null} when the operation is not
 * about a version
 * @author secrets-starter team
 */
public record SecretReference(String arn, String name, @Nullable String versionId) {

}
