/**
 * A HikariCP {@code DataSource} whose credentials come from a secret: swapped in place when the
 * secret rotates, and recovered at once when the database refuses them.
 */
@NullMarked
package dev.secretsstarter.jdbc;

import org.jspecify.annotations.NullMarked;
