package dev.ecosystem.jdbc;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.model.BriefDelivery;
import dev.ecosystem.model.BriefStatus;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ProgramBrief;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.spi.BriefRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Briefs in the {@code program_briefs} table (migration V14), each version as a JSON body beside its key and status,
 * and deliveries in {@code brief_deliveries}, whose primary key makes a second delivery of a version to a contact
 * impossible even between concurrent transactions.
 */
final class JdbcBriefs implements BriefRepository {
    private static final String SELECT = "SELECT body FROM ";
    private static final String APPROVED = BriefStatus.APPROVED.name();

    private final JdbcTransaction tx;
    private final String briefs;
    private final String deliveries;

    JdbcBriefs(JdbcTransaction tx) {
        this.tx = tx;
        this.briefs = tx.table("program_briefs");
        this.deliveries = tx.table("brief_deliveries");
    }

    @Override
    public void save(ProgramBrief brief) {
        ProgramBrief latest = latest(brief.vendor(), brief.program());
        int latestVersion = latest == null ? 0 : latest.version();
        String what = "save version " + brief.version() + " of the brief of " + brief.program();
        if (brief.version() == latestVersion) {
            int changed = tx.update(what, "UPDATE " + briefs + " SET status = ?, body = ? WHERE vendor = ? AND"
                    + " program = ? AND version = ? AND status <> ?", brief.status().name(), Columns.json(brief),
                    brief.vendor().value(), brief.program().value(), brief.version(), APPROVED);
            if (changed == 0) {
                throw new ConflictException("version " + brief.version() + " of the brief of program "
                        + brief.program() + " is approved and never changes; save version " + (latestVersion + 1)
                        + " instead");
            }
        } else if (brief.version() == latestVersion + 1) {
            tx.update(what, "INSERT INTO " + briefs + " (vendor, program, version, status, body)"
                    + " VALUES (?, ?, ?, ?, ?)",
                    brief.vendor().value(), brief.program().value(), brief.version(), brief.status().name(),
                    Columns.json(brief));
        } else {
            throw new ConflictException("the brief of program " + brief.program() + " is at version "
                    + (latest == null ? "none" : latestVersion) + ", so version " + brief.version()
                    + " can neither replace nor follow it; read it again and retry");
        }
    }

    @Override
    public @Nullable ProgramBrief latest(CompanyId vendor, ProgramId program) {
        return tx.queryOne("get the latest brief of " + program, SELECT + briefs + " WHERE vendor = ? AND program = ?"
                + " ORDER BY version DESC LIMIT 1", JdbcBriefs::brief, vendor.value(), program.value());
    }

    @Override
    public @Nullable ProgramBrief version(CompanyId vendor, ProgramId program, int version) {
        return tx.queryOne("get a brief of " + program, SELECT + briefs + " WHERE vendor = ? AND program = ? AND"
                + " version = ?", JdbcBriefs::brief, vendor.value(), program.value(), version);
    }

    @Override
    public @Nullable ProgramBrief latestApproved(CompanyId vendor, ProgramId program) {
        return tx.queryOne("get the approved brief of " + program, SELECT + briefs + " WHERE vendor = ? AND"
                + " program = ? AND status = ? ORDER BY version DESC LIMIT 1", JdbcBriefs::brief, vendor.value(),
                program.value(), APPROVED);
    }

    @Override
    public boolean recordDelivery(BriefDelivery delivery) {
        long known = tx.count("find a brief delivery", "SELECT COUNT(*) FROM " + deliveries + " WHERE vendor = ? AND"
                + " program = ? AND version = ? AND partner = ? AND contact = ?", delivery.vendor().value(),
                delivery.program().value(), delivery.version(), delivery.partner().value(),
                delivery.contact().value());
        if (known > 0) {
            return false;
        }
        tx.update("record a brief delivery", "INSERT INTO " + deliveries + " (vendor, program, version, partner,"
                + " contact, outbox_entry, enqueued_at) VALUES (?, ?, ?, ?, ?, ?, ?)", delivery.vendor().value(),
                delivery.program().value(), delivery.version(), delivery.partner().value(),
                delivery.contact().value(), delivery.outboxEntry().value(),
                Columns.nanos(delivery.enqueuedAt(), "enqueuedAt"));
        return true;
    }

    @Override
    public long deliveries(CompanyId vendor, ProgramId program, int version) {
        return tx.count("count brief deliveries", "SELECT COUNT(*) FROM " + deliveries + " WHERE vendor = ? AND"
                + " program = ? AND version = ?", vendor.value(), program.value(), version);
    }

    private static ProgramBrief brief(ResultSet row) throws SQLException {
        return Columns.record(row.getString("body"), ProgramBrief.class);
    }
}
