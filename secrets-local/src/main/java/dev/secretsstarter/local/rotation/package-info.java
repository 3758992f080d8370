/**
 * Rotation without Lambda: runs registered rotation functions step by step, now or when due.
 */
@NullMarked
package dev.secretsstarter.local.rotation;

import org.jspecify.annotations.NullMarked;
