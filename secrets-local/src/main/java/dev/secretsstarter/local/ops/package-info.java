/**
 * One handler class per area of the API (values, lifecycle, listing, tags, policies, replication, rotation).
 */
@NullMarked
package dev.secretsstarter.local.ops;

import org.jspecify.annotations.NullMarked;
