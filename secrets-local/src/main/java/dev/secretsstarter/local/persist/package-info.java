/**
 * Optional persistence: an AES-GCM encrypted snapshot written atomically and fsynced before each acknowledged write, and seed files.
 */
@NullMarked
package dev.secretsstarter.local.persist;

import org.jspecify.annotations.NullMarked;
