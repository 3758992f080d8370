/**
 * Test support backed by the embedded {@code secrets-local} server: a JUnit extension, a Spring
 * Boot test annotation, a handle to write secrets and inject faults, and a bounded wait for a
 * rotation to reach the application.
 */
@NullMarked
package dev.secretsstarter.test;

import org.jspecify.annotations.NullMarked;
