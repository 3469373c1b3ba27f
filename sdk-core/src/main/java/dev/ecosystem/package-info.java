/**
 * The Ecosystem SDK entry point: {@link dev.ecosystem.EcosystemClient}, its builder, the per-company
 * {@link dev.ecosystem.TenantScope} and the per-company facades it hands out. The exceptions live in
 * {@link dev.ecosystem.error}, the events in {@link dev.ecosystem.event}.
 *
 * <p>Package layering of sdk-core, bottom to top; a package uses only packages below it (an architecture test
 * fails the build on a cycle):
 * <ol>
 *   <li>{@code error} (exceptions), then {@code internal.base} (argument checks, small utilities);</li>
 *   <li>{@code model}: value types, including every value a port stores or returns;</li>
 *   <li>{@code spi} (the ports and the errors of the providers behind them) and {@code event};</li>
 *   <li>feature API packages: {@code intro}, {@code overlap}, {@code navigator}, {@code ledger},
 *       {@code partnership}, {@code payout}, {@code program}, {@code referral};</li>
 *   <li>{@code internal}: what every engine shares ({@code SdkContext}: the ports, clock, listener);</li>
 *   <li>the engines, each feature's {@code .internal} package, above its own API package and never used by it;
 *       {@code io} (network files) and the {@code memory} store;</li>
 *   <li>this package, which wires all of them, on top.</li>
 * </ol>
 */
@NullMarked
package dev.ecosystem;

import org.jspecify.annotations.NullMarked;
