/**
 * Typed operations over AWS Secrets Manager ({@link dev.secretsstarter.core.SecretsOperations},
 * {@link dev.secretsstarter.core.SecretsTemplate}), their small result types, and the unchecked
 * exception hierarchy every part of the starter reports service errors with.
 */
@NullMarked
package dev.secretsstarter.core;

import org.jspecify.annotations.NullMarked;
