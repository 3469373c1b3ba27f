/**
 * Referrals (deal registration): a partner registers a prospect with a vendor it has an active partnership with; the
 * vendor accepts or rejects it after a conflict check; an accepted registration is protected for a window, and the
 * CRM sync links the vendor's new deals on the account to it ({@code SOURCED_REFERRAL} touchpoints).
 */
@NullMarked
package dev.ecosystem.referral;

import org.jspecify.annotations.NullMarked;
