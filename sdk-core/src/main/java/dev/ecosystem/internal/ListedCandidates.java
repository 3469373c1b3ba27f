package dev.ecosystem.internal;

import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.navigator.Navigator;

/** {@link Navigator} for one company: the listed companies other than itself. */
public final class ListedCandidates implements Navigator {
    private final SdkContext context;
    private final CompanyId company;

    /** Candidates for {@code company}. */
    public ListedCandidates(SdkContext context, CompanyId company) {
        this.context = context;
        this.company = company;
    }

    @Override
    public Page<Company> candidates(PageRequest page) {
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> ScopedNetwork.listedOthers(tx, company, page));
    }
}
