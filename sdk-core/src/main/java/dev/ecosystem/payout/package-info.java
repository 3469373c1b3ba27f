/**
 * Commission statements kept by the store and their payout ledger: {@code DRAFT -> PENDING -> READY -> PAID} with
 * who, when and why, optimistic versions, and an optional {@link dev.ecosystem.spi.PayoutProvider} that pays a
 * {@code READY} statement. Reach it through {@link dev.ecosystem.TenantScope#payouts()}; the statements themselves
 * are computed by {@code Attribution.statement(...)} in {@code sdk-attribution}.
 */
@NullMarked
package dev.ecosystem.payout;

import org.jspecify.annotations.NullMarked;
