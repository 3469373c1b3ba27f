/**
 * The SDK's exceptions: {@link EcosystemException}, the one unchecked root, and its subtypes for bad input, missing
 * records, conflicts and refused access (what a provider behind a port throws is {@code
 * dev.ecosystem.spi.ProviderException}). The bottom of the package graph: depends on nothing of the SDK.
 */
@NullMarked
package dev.ecosystem.error;

import org.jspecify.annotations.NullMarked;
