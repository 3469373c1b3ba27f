/**
 * The deterministic sample network the quickstart runs on, and the program that writes it:
 * {@link dev.ecosystem.examples.sample.SampleDataGenerator}.
 */
@NullMarked
package dev.ecosystem.examples.sample;

import org.jspecify.annotations.NullMarked;
