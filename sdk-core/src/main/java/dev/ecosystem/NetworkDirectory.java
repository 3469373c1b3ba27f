package dev.ecosystem;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;

/** The network as the acting company sees it: its own profile and the listed profiles of others. */
public interface NetworkDirectory {
    /** The acting company's own profile. */
    Company profile();

    /**
     * Replaces the acting company's own profile.
     *
     * @throws AccessDeniedException when the profile's id is another company's
     */
    Company updateProfile(Company profile);

    /**
     * A profile: the acting company's own, or a listed one.
     *
     * @throws NotFoundException when there is no such company or it is not listed
     */
    Company find(CompanyId id);

    /** Listed profiles of other companies, in ascending id order. */
    Page<Company> listed(PageRequest page);
}
