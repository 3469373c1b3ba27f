/**
 * The tenant's attribution ledger: touchpoints recorded by hand (co-sell, referrals, marketplace, events), those the
 * SDK adds itself (connected introductions, linked on CRM sync), and reversals. Reach it through
 * {@link dev.ecosystem.TenantScope#ledger()}.
 */
@NullMarked
package dev.ecosystem.ledger;

import org.jspecify.annotations.NullMarked;
