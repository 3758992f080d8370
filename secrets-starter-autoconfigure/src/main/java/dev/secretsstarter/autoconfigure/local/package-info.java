/**
 * Local mode ({@code secrets.local.*}): the embedded {@code secrets-local} server, started before
 * configuration is imported and stopped with the application, for development and tests only.
 */
@NullMarked
package dev.secretsstarter.autoconfigure.local;

import org.jspecify.annotations.NullMarked;
