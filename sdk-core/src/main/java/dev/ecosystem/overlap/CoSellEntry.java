package dev.ecosystem.overlap;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import org.jspecify.annotations.Nullable;

/**
 * One co-sell opportunity with a partner, carrying what an introduction request needs: the partner, the account on
 * both sides and how they were matched.
 *
 * @param kind ask the partner for an introduction, or offer the partner help
 * @param partner the partner company
 * @param myAccount the acting company's account
 * @param theirAccount the partner's account as shared
 * @param myDeal for {@link Kind#ASK_FOR_INTRO}: the acting company's open deal on the account (the best ranked one);
 *     {@code null} for offers
 * @param theirDeal for {@link Kind#OFFER_HELP}: the partner's open deal (the best ranked one) when the partner shares
 *     {@code openDeals}; otherwise {@code null}
 * @param match how the accounts were matched
 */
public record CoSellEntry(Kind kind, CompanyId partner, Account myAccount, SharedAccount theirAccount,
        @Nullable Deal myDeal, SharedAccount.@Nullable OpenDeal theirDeal, Match match) {

    /** Which way the help goes. */
    public enum Kind {
        /** My open opportunity is the partner's customer: ask the partner for an introduction. */
        ASK_FOR_INTRO,
        /** The partner's open opportunity is my customer: offer to introduce the partner. */
        OFFER_HELP
    }
}
