package dev.ecosystem.overlap;

import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.Match;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
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

    /**
     * Starts the introduction this entry calls for, to pass to {@code scope.intros().request(...)}: from
     * {@code requester} (a contact of the acting company) to {@code target} (a contact at the partner), about my
     * account and deal, with how the accounts matched as a fact. The idempotency key is the entry's, so asking twice
     * from the same entry gives the same introduction; add an introducer or edit the message on the builder.
     *
     * <pre>{@code
     * CoSellEntry ask = overlaps.askForIntro(partner, PageRequest.first(1)).items().get(0);
     * scope.intros().request(ask.introRequest(myRep, partnerManager).build());
     * }</pre>
     */
    public IntroRequest.Builder introRequest(ContactId requester, ContactId target) {
        String account = myAccount.name();
        String context = kind == Kind.ASK_FOR_INTRO
                ? "Our open opportunity " + account + " is your customer: could you introduce us?"
                : "Your open opportunity " + account + " is our customer: we can introduce you.";
        String how = match.method() == Match.Method.DOMAIN ? "same domain " + match.key()
                : String.format(Locale.ROOT, "similar names (%.2f)", match.confidence());
        return IntroRequest.builder(requester, partner, target, context)
                .account(myAccount.id())
                .deal(myDeal == null ? null : myDeal.id())
                .facts("Account mapping: " + account + " matched by " + how)
                .idempotencyKey("co-sell:" + UUID.nameUUIDFromBytes((kind + "\n" + partner + "\n" + myAccount.id()
                        + "\n" + theirAccount.id()).getBytes(StandardCharsets.UTF_8)));
    }

    /** Which way the help goes. */
    public enum Kind {
        /** My open opportunity is the partner's customer: ask the partner for an introduction. */
        ASK_FOR_INTRO,
        /** The partner's open opportunity is my customer: offer to introduce the partner. */
        OFFER_HELP
    }
}
