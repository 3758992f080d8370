/**
 * The rotating-datasource sample: a HikariCP pool whose database credentials come from a secret
 * that rotates every few seconds while worker threads query continuously — with zero failed
 * queries. Runs on the embedded secrets-local server and an in-memory H2 database by default.
 */
@NullMarked
package dev.secretsstarter.samples.rotatingdatasource;

import org.jspecify.annotations.NullMarked;
