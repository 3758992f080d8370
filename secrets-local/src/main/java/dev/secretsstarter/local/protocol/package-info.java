/**
 * AWS JSON 1.1 over HTTP: the HTTP front end, SigV4 verification and the JSON codec.
 */
@NullMarked
package dev.secretsstarter.local.protocol;

import org.jspecify.annotations.NullMarked;
