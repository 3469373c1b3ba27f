package dev.ecosystem.intro;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The acting company's introduction funnel over a time range: every introduction it requested in the range, counted
 * in total, per requester, per partner (the target's company) and per period.
 *
 * @param total every introduction in the range
 * @param byRequester per requesting contact
 * @param byPartner per target company
 * @param byPeriod per period, keyed by the period's first day (in the client clock's zone)
 */
public record IntroFunnel(
        FunnelCounts total, SortedMap<ContactId, FunnelCounts> byRequester,
        SortedMap<CompanyId, FunnelCounts> byPartner, SortedMap<LocalDate, FunnelCounts> byPeriod) {

    /** Copies the maps. */
    public IntroFunnel {
        byRequester = copy(byRequester);
        byPartner = copy(byPartner);
        byPeriod = copy(byPeriod);
    }

    private static <K> SortedMap<K, FunnelCounts> copy(Map<K, FunnelCounts> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
