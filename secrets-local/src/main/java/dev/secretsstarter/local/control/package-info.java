/**
 * Test controls: fault injection and request counters.
 */
@NullMarked
package dev.secretsstarter.local.control;

import org.jspecify.annotations.NullMarked;
