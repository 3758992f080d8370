/**
 * Config data import of secrets: {@code spring.config.import=aws-secretsmanager:…}, loaded in
 * batches at start-up into property sources that read immutable snapshots from the secret cache.
 */
@NullMarked
package dev.secretsstarter.config;

import org.jspecify.annotations.NullMarked;
