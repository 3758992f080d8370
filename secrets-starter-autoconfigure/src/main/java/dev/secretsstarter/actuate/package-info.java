/**
 * Actuator support: the {@code secrets} endpoint, the {@code secrets} health contributor and the
 * masking of values that came from secrets in {@code /actuator/env} and
 * {@code /actuator/configprops}.
 */
@NullMarked
package dev.secretsstarter.actuate;

import org.jspecify.annotations.NullMarked;
