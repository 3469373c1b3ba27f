package dev.ecosystem.internal;

import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Tag;
import dev.ecosystem.spi.ListedProfile;
import dev.ecosystem.spi.StoreTransaction;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A store transaction that hands over its listed companies as the records it keeps: the SDK's in-memory store, whose
 * companies are already {@link Company} records. The Navigator's index loads through it when the transaction offers
 * it, as turning a million companies into {@link ListedProfile} text and back costs more than the rest of the load;
 * any other store goes through {@link StoreTransaction#forEachListedProfile}, with the same result.
 */
public interface ListedCompanies {
    /** How many companies the store holds, listed or not: an upper bound to size arrays by. */
    long companyCount();

    /**
     * Hands every listed company to {@code action}, in ascending id order, with the role tags of its contacts (a tag
     * may repeat when several contacts have it). The collection is valid during the call only.
     */
    void forEachListedCompany(BiConsumer<Company, Collection<Tag>> action);

    /**
     * The role tags of the company's contacts (a tag may repeat when several contacts have it), without building
     * the contacts: what the index re-reads for every changed company after a bulk import.
     */
    List<Tag> roleTags(CompanyId company);
}
