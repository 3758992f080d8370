/**
 * Benchmarks of secrets-starter against the incumbents (Spring Cloud AWS, AWS's caching client),
 * all against secrets-local: whole-process start-up, hot reads (JMH), steady-state polling,
 * rotation propagation, secrets-local itself, and memory per cached secret. {@link
 * dev.secretsstarter.benchmarks.RunAll} runs them and writes {@code docs/benchmarks.md}.
 */
@NullMarked
package dev.secretsstarter.benchmarks;

import org.jspecify.annotations.NullMarked;
