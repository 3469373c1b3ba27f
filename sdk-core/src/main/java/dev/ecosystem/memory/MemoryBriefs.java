package dev.ecosystem.memory;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.model.BriefDelivery;
import dev.ecosystem.model.BriefStatus;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ProgramBrief;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.spi.BriefRepository;
import org.jspecify.annotations.Nullable;

/**
 * Briefs partitioned by vendor: the latest and the latest approved version by program, every version by (program,
 * version), deliveries by (program, version, partner, contact) with a count per (program, version).
 */
final class MemoryBriefs implements BriefRepository {
    private final MemoryTransaction tx;
    private final MemoryTables.BriefTables tables;

    MemoryBriefs(MemoryTransaction tx, MemoryTables.BriefTables tables) {
        this.tx = tx;
        this.tables = tables;
    }

    @Override
    public void save(ProgramBrief brief) {
        tx.checkOpen();
        ProgramBrief latest = tables.latest().get(brief.vendor(), brief.program().value());
        int latestVersion = latest == null ? 0 : latest.version();
        if (brief.version() == latestVersion) {
            if (latest != null && latest.status() == BriefStatus.APPROVED) {
                throw new ConflictException("version " + brief.version() + " of the brief of program "
                        + brief.program() + " is approved and never changes; save version " + (latestVersion + 1)
                        + " instead");
            }
        } else if (brief.version() != latestVersion + 1) {
            throw new ConflictException("the brief of program " + brief.program() + " is at version "
                    + (latest == null ? "none" : latestVersion) + ", so version " + brief.version()
                    + " can neither replace nor follow it; read it again and retry");
        }
        tables.latest().put(tx, brief.vendor(), brief.program().value(), brief);
        tables.versions().put(tx, brief.vendor(), versionKey(brief.program(), brief.version()), brief);
        if (brief.status() == BriefStatus.APPROVED) {
            tables.approved().put(tx, brief.vendor(), brief.program().value(), brief);
        }
    }

    @Override
    public @Nullable ProgramBrief latest(CompanyId vendor, ProgramId program) {
        tx.checkOpen();
        return tables.latest().get(vendor, program.value());
    }

    @Override
    public @Nullable ProgramBrief version(CompanyId vendor, ProgramId program, int version) {
        tx.checkOpen();
        return tables.versions().get(vendor, versionKey(program, version));
    }

    @Override
    public @Nullable ProgramBrief latestApproved(CompanyId vendor, ProgramId program) {
        tx.checkOpen();
        return tables.approved().get(vendor, program.value());
    }

    @Override
    public boolean recordDelivery(BriefDelivery delivery) {
        tx.checkOpen();
        String version = versionKey(delivery.program(), delivery.version());
        String key = version + '\u0000' + delivery.partner().value() + '\u0000' + delivery.contact().value();
        if (tables.deliveries().get(delivery.vendor(), key) != null) {
            return false;
        }
        tables.deliveries().put(tx, delivery.vendor(), key, delivery);
        Long count = tables.deliveryCounts().get(delivery.vendor(), version);
        tables.deliveryCounts().put(tx, delivery.vendor(), version, count == null ? 1 : count + 1);
        return true;
    }

    @Override
    public long deliveries(CompanyId vendor, ProgramId program, int version) {
        tx.checkOpen();
        Long count = tables.deliveryCounts().get(vendor, versionKey(program, version));
        return count == null ? 0 : count;
    }

    private static String versionKey(ProgramId program, int version) {
        return program.value() + '\u0000' + version;
    }
}
