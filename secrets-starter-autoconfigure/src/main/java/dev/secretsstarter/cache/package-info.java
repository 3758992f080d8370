/**
 * The secret cache: one immutable snapshot per secret version, loaded in as few API calls as the
 * service allows, kept current by the refresh machinery and served stale (bounded) on errors.
 */
@NullMarked
package dev.secretsstarter.cache;

import org.jspecify.annotations.NullMarked;
