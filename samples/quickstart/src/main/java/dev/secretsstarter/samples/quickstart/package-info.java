/**
 * The quick-start sample: a web application that imports a secret, injects it three ways and
 * follows its rotation. Runs on the embedded secrets-local server by default (profile "local"),
 * on AWS with the profile "aws".
 */
@NullMarked
package dev.secretsstarter.samples.quickstart;

import org.jspecify.annotations.NullMarked;
