package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import java.time.Instant;

/**
 * One version of a vendor's program for one partner type, as stored. Changing the terms stores a new version under
 * the same id; earlier versions stay readable.
 *
 * @param id the program's id, the same for every version
 * @param vendor the company that runs the program
 * @param version 1 for the first terms, one more for each change
 * @param terms what the program offers
 * @param savedAt when this version was stored
 */
public record PartnerProgram(ProgramId id, CompanyId vendor, int version, ProgramTerms terms, Instant savedAt) {
    /** Validates every field. */
    public PartnerProgram {
        Checks.required(id, "program id");
        Checks.required(vendor, "program vendor");
        Checks.range(version, 1, Integer.MAX_VALUE, "program version");
        Checks.required(terms, "program terms");
        Checks.required(savedAt, "program savedAt");
    }

    /** The partner type the program is for. */
    public PartnerType type() {
        return terms.type();
    }
}
