package dev.ecosystem.spi.support;

import static dev.ecosystem.spi.support.ValidatingRepositories.dueLimit;
import static dev.ecosystem.spi.support.ValidatingRepositories.page;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.BriefDelivery;
import dev.ecosystem.model.Certification;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Invitation;
import dev.ecosystem.model.InvitationId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipId;
import dev.ecosystem.model.PartnershipLifecycle;
import dev.ecosystem.model.PartnershipTransition;
import dev.ecosystem.model.ProgramBrief;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationId;
import dev.ecosystem.model.StatementId;
import dev.ecosystem.model.StoredStatement;
import dev.ecosystem.model.TierChange;
import dev.ecosystem.model.TierReview;
import dev.ecosystem.spi.BriefRepository;
import dev.ecosystem.spi.CertificationRepository;
import dev.ecosystem.spi.PartnershipLifecycleRepository;
import dev.ecosystem.spi.ProgramRepository;
import dev.ecosystem.spi.RegistrationRepository;
import dev.ecosystem.spi.StatementRepository;
import dev.ecosystem.spi.TierRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The argument checks of the partner-program repositories (referrals, programs, tiers, certifications, the
 * partnership lifecycle, statements, briefs), for {@link ValidatingPartnerStore}.
 */
final class ValidatingProgramRepositories {
    private ValidatingProgramRepositories() {
    }

    record Registrations(RegistrationRepository store) implements RegistrationRepository {
        @Override
        public Registration insert(Registration registration) {
            return store.insert(Checks.required(registration, "registration"));
        }

        @Override
        public Registration update(Registration registration) {
            return store.update(Checks.required(registration, "registration"));
        }

        @Override
        public @Nullable Registration get(CompanyId party, RegistrationId id) {
            return store.get(Checks.required(party, "party"), Checks.required(id, "registration id"));
        }

        @Override
        public Page<Registration> byVendor(CompanyId vendor, PageRequest page) {
            return store.byVendor(Checks.required(vendor, "vendor"), page(page));
        }

        @Override
        public Page<Registration> byPartner(CompanyId partner, @Nullable CompanyId vendor, PageRequest page) {
            return store.byPartner(Checks.required(partner, "partner"), vendor, page(page));
        }

        @Override
        public List<Registration> protectedByDomain(CompanyId vendor, String domainKey, Instant at) {
            Checks.required(domainKey, "domainKey");
            return store.protectedByDomain(Checks.required(vendor, "vendor"), domainKey, Checks.required(at, "at"));
        }

        @Override
        public List<Registration> protectedByName(CompanyId vendor, String nameKey, Instant at) {
            Checks.required(nameKey, "nameKey");
            return store.protectedByName(Checks.required(vendor, "vendor"), nameKey, Checks.required(at, "at"));
        }

        @Override
        public long countOpen(CompanyId vendor, CompanyId partner, Instant now) {
            return store.countOpen(Checks.required(vendor, "vendor"), Checks.required(partner, "partner"),
                    Checks.required(now, "now"));
        }

        @Override
        public List<Registration> expiring(Instant now, int limit) {
            dueLimit(now, limit);
            return store.expiring(now, limit);
        }

        @Override
        public Map<CompanyId, Long> acceptedCounts(CompanyId vendor, Instant from, Instant toExclusive) {
            return store.acceptedCounts(Checks.required(vendor, "vendor"), Checks.required(from, "from"),
                    Checks.required(toExclusive, "toExclusive"));
        }
    }

    record Programs(ProgramRepository store) implements ProgramRepository {
        @Override
        public void save(PartnerProgram program) {
            store.save(Checks.required(program, "program"));
        }

        @Override
        public @Nullable PartnerProgram get(CompanyId vendor, ProgramId id) {
            return store.get(Checks.required(vendor, "vendor"), Checks.required(id, "program id"));
        }

        @Override
        public @Nullable PartnerProgram version(CompanyId vendor, ProgramId id, int version) {
            return store.version(Checks.required(vendor, "vendor"), Checks.required(id, "program id"), version);
        }

        @Override
        public @Nullable PartnerProgram forType(CompanyId vendor, PartnerType type) {
            return store.forType(Checks.required(vendor, "vendor"), Checks.required(type, "type"));
        }

        @Override
        public Page<PartnerProgram> list(CompanyId vendor, PageRequest page) {
            return store.list(Checks.required(vendor, "vendor"), page(page));
        }
    }

    record Tiers(TierRepository store) implements TierRepository {
        @Override
        public void save(TierReview review) {
            store.save(Checks.required(review, "review"));
        }

        @Override
        public @Nullable TierReview review(CompanyId vendor, ProgramId program, LocalDate from,
                LocalDate toExclusive) {
            Checks.required(from, "from");
            Checks.required(toExclusive, "toExclusive");
            return store.review(Checks.required(vendor, "vendor"), Checks.required(program, "program id"), from,
                    toExclusive);
        }

        @Override
        public @Nullable TierReview latest(CompanyId vendor, ProgramId program) {
            return store.latest(Checks.required(vendor, "vendor"), Checks.required(program, "program id"));
        }

        @Override
        public Map<CompanyId, String> tiers(CompanyId vendor, ProgramId program) {
            return store.tiers(Checks.required(vendor, "vendor"), Checks.required(program, "program id"));
        }

        @Override
        public @Nullable String tier(CompanyId vendor, ProgramId program, CompanyId partner) {
            Checks.required(partner, "partner");
            return store.tier(Checks.required(vendor, "vendor"), Checks.required(program, "program id"), partner);
        }

        @Override
        public Page<TierChange> history(CompanyId vendor, CompanyId partner, PageRequest page) {
            return store.history(Checks.required(vendor, "vendor"), Checks.required(partner, "partner"), page(page));
        }
    }

    record Certifications(CertificationRepository store) implements CertificationRepository {
        @Override
        public void put(Certification certification) {
            store.put(Checks.required(certification, "certification"));
        }

        @Override
        public Page<Certification> list(CompanyId vendor, CompanyId partner, PageRequest page) {
            return store.list(Checks.required(vendor, "vendor"), Checks.required(partner, "partner"), page(page));
        }

        @Override
        public Map<CompanyId, Long> certifiedPeople(CompanyId vendor, LocalDate day) {
            return store.certifiedPeople(Checks.required(vendor, "vendor"), Checks.required(day, "day"));
        }
    }

    record Lifecycle(PartnershipLifecycleRepository store) implements PartnershipLifecycleRepository {
        @Override
        public Invitation insertInvitation(Invitation invitation) {
            return store.insertInvitation(Checks.required(invitation, "invitation"));
        }

        @Override
        public Invitation updateInvitation(Invitation invitation) {
            return store.updateInvitation(Checks.required(invitation, "invitation"));
        }

        @Override
        public @Nullable Invitation invitation(InvitationId id) {
            return store.invitation(Checks.required(id, "invitation id"));
        }

        @Override
        public Page<Invitation> invitationsBy(CompanyId vendor, PageRequest page) {
            return store.invitationsBy(Checks.required(vendor, "vendor"), page(page));
        }

        @Override
        public Page<Invitation> invitationsFor(CompanyId invitee, PageRequest page) {
            return store.invitationsFor(Checks.required(invitee, "invitee"), page(page));
        }

        @Override
        public List<Invitation> dueInvitations(Instant now, int limit) {
            dueLimit(now, limit);
            return store.dueInvitations(now, limit);
        }

        @Override
        public void appendTransition(CompanyId owner, PartnershipTransition transition) {
            store.appendTransition(Checks.required(owner, "owner"), Checks.required(transition, "transition"));
        }

        @Override
        public List<PartnershipTransition> history(CompanyId owner, PartnershipId partnership) {
            return store.history(Checks.required(owner, "owner"), Checks.required(partnership, "partnership id"));
        }

        @Override
        public void putLifecycle(PartnershipLifecycle lifecycle) {
            store.putLifecycle(Checks.required(lifecycle, "lifecycle"));
        }

        @Override
        public @Nullable PartnershipLifecycle lifecycle(CompanyId owner, PartnershipId partnership) {
            return store.lifecycle(Checks.required(owner, "owner"), Checks.required(partnership, "partnership id"));
        }

        @Override
        public Page<PartnershipLifecycle> lifecycles(CompanyId owner, PageRequest page) {
            return store.lifecycles(Checks.required(owner, "owner"), page(page));
        }

        @Override
        public List<PartnershipLifecycle> dormancyDue(Instant now, int limit) {
            dueLimit(now, limit);
            return store.dormancyDue(now, limit);
        }
    }

    record Statements(StatementRepository store) implements StatementRepository {
        @Override
        public StoredStatement insert(StoredStatement statement) {
            return store.insert(Checks.required(statement, "statement"));
        }

        @Override
        public StoredStatement update(StoredStatement statement) {
            return store.update(Checks.required(statement, "statement"));
        }

        @Override
        public @Nullable StoredStatement get(CompanyId vendor, StatementId id) {
            return store.get(Checks.required(vendor, "vendor"), Checks.required(id, "statement id"));
        }

        @Override
        public @Nullable StoredStatement find(CompanyId vendor, CompanyId partner, LocalDate periodStart,
                LocalDate periodEnd, String plan) {
            return store.find(Checks.required(vendor, "vendor"), Checks.required(partner, "partner"),
                    Checks.required(periodStart, "periodStart"), Checks.required(periodEnd, "periodEnd"),
                    Checks.required(plan, "plan"));
        }

        @Override
        public Page<StoredStatement> list(CompanyId vendor, @Nullable CompanyId partner, PageRequest page) {
            return store.list(Checks.required(vendor, "vendor"), partner, page(page));
        }
    }

    record Briefs(BriefRepository store) implements BriefRepository {
        @Override
        public void save(ProgramBrief brief) {
            store.save(Checks.required(brief, "brief"));
        }

        @Override
        public @Nullable ProgramBrief latest(CompanyId vendor, ProgramId program) {
            return store.latest(Checks.required(vendor, "vendor"), Checks.required(program, "program"));
        }

        @Override
        public @Nullable ProgramBrief version(CompanyId vendor, ProgramId program, int version) {
            return store.version(Checks.required(vendor, "vendor"), Checks.required(program, "program"), version);
        }

        @Override
        public @Nullable ProgramBrief latestApproved(CompanyId vendor, ProgramId program) {
            return store.latestApproved(Checks.required(vendor, "vendor"), Checks.required(program, "program"));
        }

        @Override
        public boolean recordDelivery(BriefDelivery delivery) {
            return store.recordDelivery(Checks.required(delivery, "delivery"));
        }

        @Override
        public long deliveries(CompanyId vendor, ProgramId program, int version) {
            return store.deliveries(Checks.required(vendor, "vendor"), Checks.required(program, "program"), version);
        }
    }
}
