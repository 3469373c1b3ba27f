/**
 * What the engines share: {@link dev.ecosystem.internal.SdkContext} (the ports, the clock, the listener), consent
 * tokens, retries, timing, and helpers the stores share. Above {@code spi} and the feature API packages, below every
 * engine; the argument checks every layer uses are in {@code dev.ecosystem.internal.base}. Not API: may change in any
 * release.
 */
@NullMarked
package dev.ecosystem.internal;

import org.jspecify.annotations.NullMarked;
