package dev.ecosystem.attribution;

import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** Small builders for deals and ledger entries of one tenant. */
final class Fixtures {
    static final CompanyId TENANT = CompanyId.of("acme");

    private Fixtures() {
    }

    static Instant at(String day) {
        return LocalDate.parse(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    static Deal won(String id, String amount, String currency, String created, String closed) {
        return deal(id, amount, currency, DealStatus.WON, created, closed);
    }

    static Deal deal(String id, @Nullable String amount, String currency, DealStatus status, String created,
                     @Nullable String closed) {
        return Deal.builder(TENANT, DealId.of(id), "Deal " + id)
                .account(AccountId.of("acct-" + id))
                .amount(amount == null ? null : Money.of(amount, currency))
                .stage(status.name(), status)
                .createdAt(at(created))
                .closeDate(closed == null ? null : LocalDate.parse(closed))
                .build();
    }

    static Touchpoint touch(String id, String partner, String deal, TouchpointKind kind, String day) {
        return touchAt(id, partner, deal, kind, at(day));
    }

    static Touchpoint touchAt(String id, String partner, String deal, TouchpointKind kind, Instant at) {
        return Touchpoint.builder(TouchpointId.of(id), TENANT, CompanyId.of(partner), kind, at).deal(DealId.of(deal))
                .origin("test").build();
    }

    static Touchpoint accountTouch(String id, String partner, String account, TouchpointKind kind, String day) {
        return Touchpoint.builder(TouchpointId.of(id), TENANT, CompanyId.of(partner), kind, at(day))
                .account(AccountId.of(account)).build();
    }

    static Touchpoint reversal(String id, Touchpoint reversed) {
        return Touchpoint.builder(TouchpointId.of(id), TENANT, reversed.partner(), reversed.kind(),
                reversed.occurredAt().plusSeconds(1)).account(reversed.accountId()).deal(reversed.dealId())
                .origin("correction").reverses(reversed.id()).build();
    }

    static CompanyId partner(String id) {
        return CompanyId.of(id);
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}
