package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.ProgramId;
import org.jspecify.annotations.Nullable;

/**
 * Each vendor's partner programs with every version of their terms, visible to the vendor only. Not in the change
 * feed: no node derives in-memory state from programs, and every read goes to the store.
 *
 * <p>What the queries need a durable store to index: (vendor, id, version), and (vendor, type) of current versions.
 */
public interface ProgramRepository {
    /**
     * Stores a version. Version 1 creates the program; version {@code n + 1} succeeds only while the stored current
     * version is {@code n}, of the same type.
     *
     * @throws dev.ecosystem.error.ConflictException when version 1 names a taken id or a type the vendor already has a
     *     program for, or a later version is not one more than the current one (a concurrent change won), or it
     *     changes the program's type
     */
    void save(PartnerProgram program);

    /** The current version of the vendor's program, or {@code null}. */
    @Nullable PartnerProgram get(CompanyId vendor, ProgramId id);

    /** One version of the vendor's program, or {@code null}. */
    @Nullable PartnerProgram version(CompanyId vendor, ProgramId id, int version);

    /** The current version of the vendor's program for partners of {@code type}, or {@code null}. */
    @Nullable PartnerProgram forType(CompanyId vendor, PartnerType type);

    /** The current versions of the vendor's programs, in ascending id order. */
    Page<PartnerProgram> list(CompanyId vendor, PageRequest page);
}
