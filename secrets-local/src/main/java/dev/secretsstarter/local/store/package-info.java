/**
 * In-memory secret state: secrets, versions, staging-label rules, lookups and validation.
 * Every type here is guarded by the {@link dev.secretsstarter.local.store.SecretStore} lock.
 */
@NullMarked
package dev.secretsstarter.local.store;

import org.jspecify.annotations.NullMarked;
