package dev.ecosystem.spi;

import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import org.jspecify.annotations.Nullable;

/** Network profiles. Each company owns exactly its own profile. */
public interface CompanyRepository {
    /** Stores the profile, replacing the one with the same id. */
    void put(Company company);

    /** The profile, or {@code null}. */
    @Nullable Company get(CompanyId id);

    /** Removes the profile; returns whether there was one. */
    boolean remove(CompanyId id);

    /**
     * Profiles in ascending id order, listed or not (hiding unlisted profiles is the engines' job).
     *
     * @throws dev.ecosystem.error.ValidationException when the cursor was not produced by this method
     */
    Page<Company> list(PageRequest page);

    /** How many profiles there are. */
    long count();
}
