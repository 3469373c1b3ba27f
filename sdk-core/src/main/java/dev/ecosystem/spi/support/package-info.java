/**
 * Supported building blocks for adapter authors who write their own {@link dev.ecosystem.spi.PartnerStore} or
 * store decorator: opaque keyset {@link dev.ecosystem.spi.support.Cursors}, the {@link
 * dev.ecosystem.spi.support.StoreRules} every store enforces with the same messages, a {@link
 * dev.ecosystem.spi.support.ForwardingTransaction} to extend, and the {@link
 * dev.ecosystem.spi.support.ValidatingPartnerStore}, which checks the arguments of every repository call (nulls,
 * limits, ranges) before the store sees them, so a store implements only its storage.
 *
 * <p>This package depends only on {@code dev.ecosystem.spi}, {@code dev.ecosystem.model} and the SDK's exceptions.
 * A store built on it is checked by the contract kits of {@code sdk-testkit} ({@code PartnerStoreContract} and
 * the others), which an adapter's test extends with one factory method.
 */
@NullMarked
package dev.ecosystem.spi.support;

import org.jspecify.annotations.NullMarked;
