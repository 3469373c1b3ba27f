package dev.ecosystem.internal;

import dev.ecosystem.NotFoundException;
import dev.ecosystem.intro.Introductions;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;

/** {@link Introductions} limited to those one company is a party to. */
public final class ScopedIntroductions implements Introductions {
    private final SdkContext context;
    private final CompanyId company;

    /** Introductions {@code company} is a party to. */
    public ScopedIntroductions(SdkContext context, CompanyId company) {
        this.context = context;
        this.company = company;
    }

    @Override
    public Introduction get(IntroductionId id) {
        Checks.required(id, "introduction id");
        Introduction introduction = context.store().inTransaction(tx -> tx.introductions().get(company, id));
        if (introduction == null) {
            throw new NotFoundException("company " + company + " is party to no introduction " + id);
        }
        return introduction;
    }

    @Override
    public Page<Introduction> list(PageRequest page) {
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.introductions().list(company, page));
    }
}
