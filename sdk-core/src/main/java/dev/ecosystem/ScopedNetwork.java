package dev.ecosystem;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.internal.IntakeRule;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The network as one company sees it: its own profile whole, other companies' listed profiles without their
 * {@linkplain Company#introductionIntake() intake contact} (who receives introductions is the owner's to know).
 * No person of another company is visible here.
 */
final class ScopedNetwork implements NetworkDirectory {
    private final SdkContext context;
    private final CompanyId company;

    /** The network seen by {@code company}. */
    ScopedNetwork(SdkContext context, CompanyId company) {
        this.context = context;
        this.company = company;
    }

    @Override
    public Company profile() {
        return find(company);
    }

    @Override
    public Company updateProfile(Company profile) {
        Checks.required(profile, "profile");
        if (!profile.id().equals(company)) {
            throw new AccessDeniedException("company " + company + " cannot change the profile of " + profile.id());
        }
        context.store().useTransaction(tx -> {
            IntakeRule.check(tx, profile);
            tx.companies().put(profile);
        });
        return profile;
    }

    @Override
    public Company find(CompanyId id) {
        Checks.required(id, "company id");
        Company found = context.store().inTransaction(tx -> tx.companies().get(id));
        if (found == null || !(found.listed() || found.id().equals(company))) {
            throw new NotFoundException("company " + id + " is not a listed company of the network");
        }
        return found.id().equals(company) ? found : asSeenByOthers(found);
    }

    @Override
    public Page<Company> listed(PageRequest page) {
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> listedOthers(tx, company, page));
    }

    /**
     * One page of listed companies other than {@code viewer}. Reads the store in pages no larger than what is still
     * missing, so every company read is either returned or skipped and the store's own cursor is the exact place to
     * resume: a page is never short while more follow, and nothing is returned twice.
     */
    private static Page<Company> listedOthers(StoreTransaction tx, CompanyId viewer, PageRequest page) {
        List<Company> visible = new ArrayList<>(page.size());
        @Nullable String cursor = page.cursor();
        do {
            Page<Company> stored = tx.companies().list(PageRequest.after(cursor, page.size() - visible.size()));
            for (Company candidate : stored.items()) {
                if (candidate.listed() && !candidate.id().equals(viewer)) {
                    visible.add(asSeenByOthers(candidate));
                }
            }
            cursor = stored.nextCursor();
        } while (cursor != null && visible.size() < page.size());
        return new Page<>(visible, cursor);
    }

    private static Company asSeenByOthers(Company profile) {
        return profile.introductionIntake() == null ? profile : profile.toBuilder().introductionIntake(null).build();
    }
}
