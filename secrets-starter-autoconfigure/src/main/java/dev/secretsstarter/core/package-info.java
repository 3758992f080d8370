/**
 * Core types shared by every part of the starter: the exception hierarchy.
 */
@NullMarked
package dev.secretsstarter.core;

import org.jspecify.annotations.NullMarked;
