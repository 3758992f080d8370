/**
 * Micrometer meters under {@code secrets.*} (API calls, cache, rotations, staleness) and the
 * start-up summary line.
 */
@NullMarked
package dev.secretsstarter.metrics;

import org.jspecify.annotations.NullMarked;
