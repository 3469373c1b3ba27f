package dev.ecosystem.spi;

import dev.ecosystem.model.BriefDelivery;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ProgramBrief;
import dev.ecosystem.model.ProgramId;
import org.jspecify.annotations.Nullable;

/**
 * Each vendor's enablement briefs, every version, and the record of which version went to which partner contact, so
 * that a version reaches each person once. Visible to the vendor only; not in the change feed (no node derives
 * in-memory state from briefs).
 *
 * <p>What the queries need a durable store to index: (vendor, program, version), (vendor, program, status, version),
 * and deliveries by (vendor, program, version, partner, contact).
 */
public interface BriefRepository {
    /**
     * Stores a version: the next one (1 when the program has none, else one more than the latest), or a replacement
     * of the latest version while it is a draft.
     *
     * @throws dev.ecosystem.error.ConflictException when the version is neither (a concurrent change won), or would replace
     *     an approved version (approved versions never change)
     */
    void save(ProgramBrief brief);

    /** The latest version of the vendor's brief of {@code program}, or {@code null}. */
    @Nullable ProgramBrief latest(CompanyId vendor, ProgramId program);

    /** One version, or {@code null}. */
    @Nullable ProgramBrief version(CompanyId vendor, ProgramId program, int version);

    /** The highest approved version, or {@code null}. */
    @Nullable ProgramBrief latestApproved(CompanyId vendor, ProgramId program);

    /**
     * Records that a version was sent to one contact of a partner, unless it already was.
     *
     * @return {@code true} when recorded now, {@code false} when that version was already sent to that contact
     */
    boolean recordDelivery(BriefDelivery delivery);

    /** How many contacts a version was sent to. */
    long deliveries(CompanyId vendor, ProgramId program, int version);
}
