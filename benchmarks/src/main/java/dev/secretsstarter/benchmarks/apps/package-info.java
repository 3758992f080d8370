/**
 * The applications each benchmark child JVM runs: one per variant (no starter, Spring Cloud AWS,
 * secrets-starter), so that two starters never share a class path or a context.
 */
@NullMarked
package dev.secretsstarter.benchmarks.apps;

import org.jspecify.annotations.NullMarked;
