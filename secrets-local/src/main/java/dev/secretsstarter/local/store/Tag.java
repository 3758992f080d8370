package dev.secretsstarter.local.store;

/**
 * A tag on a secret. Immutable.
 *
 * @param key the key
 * @param value the value
 */
public record Tag(String key, String value) {

}
