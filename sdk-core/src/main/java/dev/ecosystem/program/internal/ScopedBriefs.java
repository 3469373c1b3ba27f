package dev.ecosystem.program.internal;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.BriefSection;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ProgramBrief;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.program.BriefSending;
import dev.ecosystem.program.ProgramBriefs;
import java.util.Map;

/** {@link ProgramBriefs} of one vendor. */
final class ScopedBriefs implements ProgramBriefs {
    private final BriefEngine engine;
    private final CompanyId vendor;

    ScopedBriefs(BriefEngine engine, CompanyId vendor) {
        this.engine = engine;
        this.vendor = vendor;
    }

    @Override
    public ProgramBrief draft(ProgramId program) {
        return engine.draft(vendor, Checks.required(program, "program id"), false);
    }

    @Override
    public ProgramBrief latest(ProgramId program) {
        return engine.latest(vendor, Checks.required(program, "program id"));
    }

    @Override
    public ProgramBrief version(ProgramId program, int version) {
        return engine.version(vendor, Checks.required(program, "program id"), version);
    }

    @Override
    public ProgramBrief edit(ProgramId program, int version, Map<BriefSection, String> sections) {
        return engine.edit(vendor, Checks.required(program, "program id"), version, sections);
    }

    @Override
    public ProgramBrief approve(ProgramId program, int version) {
        return engine.approve(vendor, Checks.required(program, "program id"), version);
    }

    @Override
    public BriefSending send(ProgramId program) {
        return engine.send(vendor, Checks.required(program, "program id"));
    }
}
