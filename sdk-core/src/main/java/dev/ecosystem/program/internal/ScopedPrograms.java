package dev.ecosystem.program.internal;

import dev.ecosystem.ConflictException;
import dev.ecosystem.NotFoundException;
import dev.ecosystem.internal.Checks;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.program.PartnerProgram;
import dev.ecosystem.program.PartnerViewToken;
import dev.ecosystem.program.ProgramBrief;
import dev.ecosystem.program.ProgramBriefs;
import dev.ecosystem.program.ProgramTerms;
import dev.ecosystem.program.Programs;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link Programs} of one vendor. */
public final class ScopedPrograms implements Programs {
    private final SdkContext context;
    private final CompanyId vendor;
    private final BriefEngine briefEngine;

    /** The programs {@code vendor} runs, with their briefs and partner views ({@code briefEngine}). */
    public ScopedPrograms(SdkContext context, CompanyId vendor, BriefEngine briefEngine) {
        this.context = context;
        this.vendor = vendor;
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

    private NotFoundException notFound(ProgramId id) {
        return new NotFoundException("company " + vendor + " has no program " + id);
    }
}
