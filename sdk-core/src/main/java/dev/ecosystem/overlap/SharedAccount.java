package dev.ecosystem.overlap;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Population;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A partner's account as far as the partner's sharing policy allows: its id, the populations it is in that the
 * partner shares as records, and only the allow-listed fields.
 *
 * @param owner the partner company
 * @param id the partner's CRM id for the account (always part of a shared record, so it can be referred to)
 * @param populations the partner populations the account is in that are shared as records with the viewer
 * @param fields allow-listed fields by name: {@code name}, {@code domain}, {@code lifecycleStage},
 *     {@code updatedAt} (ISO-8601) and CRM property names; a field the owner did not allow is absent
 * @param openDeals the account's open deals, when the owner allows the field {@code openDeals}; otherwise empty
 */
public record SharedAccount(CompanyId owner, AccountId id, Set<Population> populations, Map<String, String> fields,
        List<OpenDeal> openDeals) {
    /** Copies the collections. */
    public SharedAccount {
        Checks.required(owner, "owner");
        Checks.required(id, "id");
        populations = Set.copyOf(new TreeSet<>(populations));
        fields = Map.copyOf(new TreeMap<>(fields));
        openDeals = List.copyOf(openDeals);
    }

    /** A field's value, or {@code null} when absent or not shared. */
    public @Nullable String field(String name) {
        return fields.get(name);
    }

    /**
     * An open deal of a partner's account, as shared with the field {@code openDeals}.
     *
     * @param id the partner's CRM id for the deal
     * @param amount the amount, or {@code null}
     * @param stage the partner's CRM stage
     */
    public record OpenDeal(DealId id, @Nullable Money amount, String stage) {
    }
}
