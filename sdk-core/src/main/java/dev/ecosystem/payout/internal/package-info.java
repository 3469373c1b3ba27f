/** The payout ledger's implementation: {@link dev.ecosystem.payout.internal.ScopedPayouts}. */
@NullMarked
package dev.ecosystem.payout.internal;

import org.jspecify.annotations.NullMarked;
