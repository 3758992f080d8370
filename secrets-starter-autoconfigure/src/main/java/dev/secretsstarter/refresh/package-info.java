/**
 * Rotation: cheap change detection of the secrets the application uses, targeted refresh of what
 * depends on a changed secret, {@link dev.secretsstarter.refresh.SecretRotatedEvent} and a manual
 * "refresh now".
 */
@NullMarked
package dev.secretsstarter.refresh;

import org.jspecify.annotations.NullMarked;
