/**
 * {@code @SecretValue} injection into fields, setters and constructor / {@code @Bean} method
 * parameters, the live {@link dev.secretsstarter.inject.SecretHandle}, and re-injection of fields
 * and setters when a secret rotates.
 */
@NullMarked
package dev.secretsstarter.inject;

import org.jspecify.annotations.NullMarked;
