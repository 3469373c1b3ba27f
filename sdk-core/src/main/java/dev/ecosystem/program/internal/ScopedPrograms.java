package dev.ecosystem.program.internal;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Certification;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.ProgramBrief;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.model.ProgramTerms;
import dev.ecosystem.model.TierChange;
import dev.ecosystem.model.TierReview;
import dev.ecosystem.program.PartnerViewToken;
import dev.ecosystem.program.ProgramBriefs;
import dev.ecosystem.program.ProgramStanding;
import dev.ecosystem.program.Programs;
import dev.ecosystem.program.RevenueSource;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link Programs} of one vendor. */
public final class ScopedPrograms implements Programs {
    private final SdkContext context;
    private final CompanyId vendor;
    private final TierEvaluator tiers;
    private final BriefEngine briefEngine;

    /**
     * The programs {@code vendor} runs; tier reviews take sourced revenue from {@code revenue}, if any; briefs and
     * partner views come from {@code briefEngine}.
     */
    public ScopedPrograms(SdkContext context, CompanyId vendor, @Nullable RevenueSource revenue,
            BriefEngine briefEngine) {
        this.context = context;
        this.vendor = vendor;
        this.tiers = new TierEvaluator(context, revenue);
        this.briefEngine = briefEngine;
    }

    @Override
    public PartnerProgram create(ProgramTerms terms) {
        Checks.required(terms, "terms");
        PartnerProgram program = new PartnerProgram(ProgramId.of(context.newId()), vendor, 1, terms,
                context.clock().instant());
        context.store().useTransaction(tx -> tx.programs().save(program));
        context.publish("program.created", vendor, program.id().value(), Map.of("type", terms.type().name()));
        return program;
    }

    @Override
    public PartnerProgram change(ProgramId id, int expectedVersion, ProgramTerms terms) {
        Checks.required(id, "program id");
        Checks.required(terms, "terms");
        PartnerProgram changed = context.store().inTransaction(tx -> {
            PartnerProgram current = tx.programs().get(vendor, id);
            if (current == null) {
                throw notFound(id);
            }
            if (current.version() != expectedVersion) {
                throw new ConflictException("program " + id + " is at version " + current.version()
                        + ", not the expected " + expectedVersion + "; read it again and reapply the change");
            }
            if (current.type() != terms.type()) {
                throw new ConflictException("program " + id + " is for " + current.type()
                        + " partners; its terms cannot be for " + terms.type());
            }
            PartnerProgram next = new PartnerProgram(id, vendor, current.version() + 1, terms,
                    context.clock().instant());
            tx.programs().save(next);
            return next;
        });
        context.publish("program.changed", vendor, id.value(), Map.of("version", Integer.toString(changed.version())));
        return changed;
    }

    @Override
    public PartnerProgram get(ProgramId id) {
        Checks.required(id, "program id");
        PartnerProgram program = context.store().inTransaction(tx -> tx.programs().get(vendor, id));
        if (program == null) {
            throw notFound(id);
        }
        return program;
    }

    @Override
    public PartnerProgram version(ProgramId id, int version) {
        Checks.required(id, "program id");
        PartnerProgram program = context.store().inTransaction(tx -> tx.programs().version(vendor, id, version));
        if (program == null) {
            throw new NotFoundException("company " + vendor + " has no program " + id + " at version " + version);
        }
        return program;
    }

    @Override
    public @Nullable PartnerProgram forType(PartnerType type) {
        Checks.required(type, "type");
        return context.store().inTransaction(tx -> tx.programs().forType(vendor, type));
    }

    @Override
    public Page<PartnerProgram> list(PageRequest page) {
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.programs().list(vendor, page));
    }

    @Override
    public ProgramBrief brief(ProgramId id) {
        return briefEngine.briefOrDraft(vendor, Checks.required(id, "program id"));
    }

    @Override
    public ProgramBriefs briefs() {
        return new ScopedBriefs(briefEngine, vendor);
    }

    @Override
    public PartnerViewToken partnerViewToken(CompanyId partner, Duration ttl) {
        return briefEngine.views().issue(vendor, partner, ttl);
    }

    @Override
    public TierReview evaluateTiers(ProgramId program, LocalDate from, LocalDate toExclusive) {
        return tiers.evaluate(vendor, get(program), from, toExclusive);
    }

    @Override
    public @Nullable String tierOf(CompanyId partner) {
        Checks.required(partner, "partner");
        return context.store().inTransaction(tx -> {
            Partnership partnership = tx.partnerships().findByPartner(vendor, partner);
            PartnerProgram program = partnership == null ? null : tx.programs().forType(vendor, partnership.type());
            return program == null ? null : tx.tiers().tier(vendor, program.id(), partner);
        });
    }

    @Override
    public ProgramStanding standing(CompanyId partner) {
        Checks.required(partner, "partner");
        return context.store().inTransaction(tx -> {
            Partnership partnership = partnership(tx, partner);
            PartnerProgram program = tx.programs().forType(vendor, partnership.type());
            if (program == null) {
                throw new NotFoundException("company " + vendor + " has no program for " + partnership.type()
                        + " partners, the type of its partnership with " + partner + "; create one first");
            }
            return new ProgramStanding(program, partner, tx.tiers().tier(vendor, program.id(), partner));
        });
    }

    @Override
    public Page<TierChange> tierHistory(CompanyId partner, PageRequest page) {
        Checks.required(partner, "partner");
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.tiers().history(vendor, partner, page));
    }

    @Override
    public Certification certify(CompanyId partner, EmailAddress person, String name, LocalDate validUntil) {
        Checks.required(partner, "partner");
        Checks.required(person, "person");
        Instant now = context.clock().instant();
        Certification certification = new Certification(vendor, partner, person, name,
                LocalDate.ofInstant(now, ZoneOffset.UTC), Checks.required(validUntil, "validUntil"), now);
        context.store().useTransaction(tx -> {
            partnership(tx, partner);
            tx.certifications().put(certification);
        });
        return certification;
    }

    @Override
    public Page<Certification> certifications(CompanyId partner, PageRequest page) {
        Checks.required(partner, "partner");
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.certifications().list(vendor, partner, page));
    }

    /** The company's partnership with {@code partner}; the same NotFound whoever else partners with it. */
    private Partnership partnership(StoreTransaction tx, CompanyId partner) {
        Partnership partnership = tx.partnerships().findByPartner(vendor, partner);
        if (partnership == null) {
            throw new NotFoundException("company " + vendor + " has no partnership with " + partner);
        }
        return partnership;
    }

    private NotFoundException notFound(ProgramId id) {
        return new NotFoundException("company " + vendor + " has no program " + id);
    }
}
