package dev.ecosystem.attribution;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.AttributionModel;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.TouchpointId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The credits of one model run: per deal, the partners that earned a share and how much. The shares of a deal sum
 * to its amount in the reporting currency, to the minor unit. Immutable and thread-safe.
 */
public final class AttributionResult {
    private final AttributionData data;
    private final AttributionModel model;
    private final Currency currency;
    private final long lookbackMillis;
    private final Credits credits;

    AttributionResult(AttributionData data, AttributionModel model, Currency currency, long lookbackMillis,
                      Credits credits) {
        this.data = data;
        this.model = model;
        this.currency = currency;
        this.lookbackMillis = lookbackMillis;
        this.credits = credits;
    }

    /** The model that produced these credits. */
    public AttributionModel model() {
        return model;
    }

    /** The reporting currency of every amount. */
    public Currency currency() {
        return currency;
    }

    /** How many credits there are. */
    public int size() {
        return credits.size();
    }

    /** Every credit, by deal id then partner id. */
    public List<Credit> credits() {
        return materialize(0, credits.size(), i -> true);
    }

    /** The partner's credits, by deal id; empty for a partner without any. */
    public List<Credit> creditsFor(CompanyId partner) {
        int p = data.partnerIndex(Checks.required(partner, "partner"));
        return p < 0 ? List.of() : materialize(0, credits.size(), i -> credits.partner(i) == p);
    }

    /** The deal's credits, by partner id; empty when no partner earned a share. */
    public List<Credit> creditsFor(DealId deal) {
        int d = data.indexOf(Checks.required(deal, "deal"));
        if (d < 0) {
            return List.of();
        }
        int from = firstOf(d);
        int to = from;
        while (to < credits.size() && credits.deal(to) == d) {
            to++;
        }
        return materialize(from, to, i -> true);
    }

    private List<Credit> materialize(int from, int to, IntPredicate keep) {
        List<Credit> found = new ArrayList<>();
        Engine engine = new Engine(data, model, lookbackMillis);
        for (int i = from; i < to; i++) {
            if (keep.test(i)) {
                found.add(credit(i, engine));
            }
        }
        return Collections.unmodifiableList(found);
    }

    /** Each partner's total, by partner id; partners without credit are left out. */
    public Map<CompanyId, Money> totalsByPartner() {
        long[] totals = new long[data.partners.length];
        boolean[] seen = new boolean[totals.length];
        for (int i = 0; i < credits.size(); i++) {
            totals[credits.partner(i)] += credits.minor(i);
            seen[credits.partner(i)] = true;
        }
        Map<CompanyId, Money> byPartner = new LinkedHashMap<>();
        for (int p = 0; p < totals.length; p++) {
            if (seen[p]) {
                byPartner.put(data.partners[p], money(totals[p]));
            }
        }
        return Collections.unmodifiableMap(byPartner);
    }

    /** The partner's total; zero for a partner without credit. */
    public Money total(CompanyId partner) {
        Checks.required(partner, "partner");
        int p = data.partnerIndex(partner);
        long total = 0;
        for (int i = 0; p >= 0 && i < credits.size(); i++) {
            if (credits.partner(i) == p) {
                total += credits.minor(i);
            }
        }
        return money(total);
    }

    Credits table() {
        return credits;
    }

    Money money(long minor) {
        return new Money(BigDecimal.valueOf(minor, Math.max(0, currency.getDefaultFractionDigits())), currency);
    }

    private int firstOf(int d) {
        int lo = 0;
        int hi = credits.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (credits.deal(mid) < d) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private Credit credit(int i, Engine engine) {
        int d = credits.deal(i);
        Deal deal = data.deals().get(d);
        List<TouchpointId> trace = new ArrayList<>();
        for (int row : engine.trace(d, credits.partner(i))) {
            trace.add(data.touchpoints().get(data.touchSource[row]).id());
        }
        return new Credit(deal.id(), data.partners[credits.partner(i)], money(credits.minor(i)), deal.status(),
                data.conversionDay(d), trace);
    }

    @Override
    public String toString() {
        return "AttributionResult[model=" + model + ", currency=" + currency + ", credits=" + credits.size() + "]";
    }
}
