/**
 * Auto-configuration of the AWS Secrets Manager clients: properties, connection details,
 * customizers and the start-up validation of connection settings.
 */
@NullMarked
package dev.secretsstarter.autoconfigure;

import org.jspecify.annotations.NullMarked;
