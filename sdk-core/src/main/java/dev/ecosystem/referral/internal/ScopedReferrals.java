package dev.ecosystem.referral.internal;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.ReferredProspect;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationConflict;
import dev.ecosystem.model.RegistrationId;
import dev.ecosystem.model.RegistrationStatus;
import dev.ecosystem.model.RegistrationTransition;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.referral.ReferralLine;
import dev.ecosystem.referral.Referrals;
import dev.ecosystem.referral.RegistrationCounts;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link Referrals} acting as one company. */
public final class ScopedReferrals implements Referrals {
    private final ReferralEngine engine;
    private final CompanyId company;

    /** Referrals as {@code company}. */
    public ScopedReferrals(ReferralEngine engine, CompanyId company) {
        this.engine = engine;
        this.company = company;
    }

    @Override
    public Registration submit(CompanyId vendor, ReferredProspect prospect, String idempotencyKey) {
        return engine.submit(company, vendor, prospect, idempotencyKey);
    }

    @Override
    public Registration accept(RegistrationId id, @Nullable String note, boolean overrideConflicts) {
        return engine.accept(company, id, note, overrideConflicts);
    }

    @Override
    public Registration reject(RegistrationId id, String reason) {
        return engine.reject(company, id, reason);
    }

    @Override
    public Registration close(RegistrationId id, RegistrationStatus outcome, @Nullable String reason) {
        return engine.close(company, id, outcome, reason);
    }

    @Override
    public Registration get(RegistrationId id) {
        return engine.get(company, id);
    }

    @Override
    public List<RegistrationConflict> conflicts(RegistrationId id) {
        return engine.conflicts(company, id);
    }

    @Override
    public Page<Registration> received(PageRequest page) {
        Checks.required(page, "page");
        return engine.context().store().inTransaction(tx -> tx.registrations().byVendor(company, page));
    }

    @Override
    public Page<Registration> submitted(@Nullable CompanyId vendor, PageRequest page) {
        Checks.required(page, "page");
        return engine.context().store().inTransaction(tx -> {
            Page<Registration> stored = tx.registrations().byPartner(company, vendor, page);
            Map<CompanyId, SharingPolicy> policies = new HashMap<>();
            return new Page<>(stored.items().stream().map(registration -> registration.visibleTo(company,
                    policies.computeIfAbsent(registration.vendor(), v -> ReferralEngine.vendorPolicy(tx,
                            registration)))).toList(), stored.nextCursor());
        });
    }

    @Override
    public Page<ReferralLine> partnerView(CompanyId vendor, PageRequest page) {
        Checks.required(vendor, "vendor");
        Checks.required(page, "page");
        return engine.context().store().inTransaction(tx -> PartnerView.page(tx, company, vendor, page));
    }

    @Override
    public RegistrationCounts counts(CompanyId partner, Instant from, Instant to) {
        Checks.required(partner, "partner");
        Checks.required(from, "from");
        Checks.required(to, "to");
        if (!to.isAfter(from)) {
            throw new ValidationException("to must be after from (" + from + "), but was " + to);
        }
        long[] counts = new long[RegistrationStatus.values().length];
        long open = 0;
        @Nullable String cursor = null;
        do {
            Page<Registration> page = received(PageRequest.after(cursor, PageRequest.MAX_SIZE));
            for (Registration registration : page.items()) {
                if (!registration.partner().equals(partner)) {
                    continue;
                }
                RegistrationStatus atEnd = null;
                for (RegistrationTransition step : registration.history()) {
                    if (step.at().isBefore(to)) {
                        atEnd = step.to();
                        if (!step.at().isBefore(from)) {
                            counts[step.to().ordinal()]++;
                        }
                    }
                }
                if (atEnd == RegistrationStatus.SUBMITTED || atEnd == RegistrationStatus.ACCEPTED) {
                    open++;
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return new RegistrationCounts(counts[RegistrationStatus.SUBMITTED.ordinal()],
                counts[RegistrationStatus.ACCEPTED.ordinal()], counts[RegistrationStatus.REJECTED.ordinal()],
                counts[RegistrationStatus.WON.ordinal()], counts[RegistrationStatus.LOST.ordinal()],
                counts[RegistrationStatus.EXPIRED.ordinal()], open);
    }
}
