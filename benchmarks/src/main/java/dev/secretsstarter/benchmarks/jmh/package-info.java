/**
 * JMH benchmarks: hot reads of a cached secret, and secrets-local's own start-up and throughput.
 */
@NullMarked
package dev.secretsstarter.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
