package dev.ecosystem.model;

import dev.ecosystem.ValidationException;
import dev.ecosystem.internal.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An entry of the append-only attribution ledger: a partner touched an account and/or a deal. Corrections are new
 * entries whose {@code reverses} names the entry they cancel.
 *
 * @param id the entry's id
 * @param owner the tenant whose ledger this is
 * @param partner the partner that made the touch
 * @param accountId the CRM account touched, or {@code null}
 * @param dealId the CRM deal touched, or {@code null}
 * @param kind what the partner did
 * @param occurredAt when
 * @param origin where it came from (an introduction id, a CRM field, a person), or {@code null}
 * @param reverses the entry this one cancels, or {@code null}
 */
public record Touchpoint(
        TouchpointId id, CompanyId owner, CompanyId partner, @Nullable AccountId accountId, @Nullable DealId dealId,
        TouchpointKind kind, Instant occurredAt, @Nullable String origin, @Nullable TouchpointId reverses) {

    /** Validates every field; a touchpoint names an account, a deal or both. */
    public Touchpoint {
        Checks.required(id, "touchpoint id");
        Checks.required(owner, "touchpoint owner");
        Checks.required(partner, "touchpoint partner");
        if (accountId == null && dealId == null) {
            throw new ValidationException("touchpoint " + id + " must name an accountId, a dealId or both, but had "
                    + "neither");
        }
        Checks.required(kind, "touchpoint kind");
        Checks.required(occurredAt, "touchpoint occurredAt");
        origin = origin == null || origin.isBlank() ? null : Checks.singleLine(origin, "touchpoint origin", 500);
        if (id.equals(reverses)) {
            throw new ValidationException("touchpoint " + id + " cannot reverse itself");
        }
    }
}
