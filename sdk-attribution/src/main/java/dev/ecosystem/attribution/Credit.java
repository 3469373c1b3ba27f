package dev.ecosystem.attribution;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.TouchpointId;
import java.time.LocalDate;
import java.util.List;

/**
 * One partner's share of one deal under one model.
 *
 * @param deal the deal
 * @param partner the partner
 * @param amount the share, in the reporting currency
 * @param status the deal's status: open credits are pipeline, won credits revenue
 * @param day the deal's close date, or its creation date while it is open (also the FX rate's day)
 * @param touchpoints the ledger entries that earned the share, in time order
 */
public record Credit(
        DealId deal, CompanyId partner, Money amount, DealStatus status, LocalDate day,
        List<TouchpointId> touchpoints) {

    /** Validates and copies. */
    public Credit {
        Checks.required(deal, "credit deal");
        Checks.required(partner, "credit partner");
        Checks.required(amount, "credit amount");
        Checks.required(status, "credit status");
        Checks.required(day, "credit day");
        touchpoints = List.copyOf(Checks.required(touchpoints, "credit touchpoints"));
    }
}
