/**
 * Embedded AWS Secrets Manager-compatible server: the public API.
 */
@NullMarked
package dev.secretsstarter.local;

import org.jspecify.annotations.NullMarked;
