package dev.ecosystem.jdbc;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.spi.support.StoreRules;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.spi.ProgramRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Programs in the {@code programs} table (migration V12): one row per version with the terms as JSON, the current
 * version flagged. {@code first_of_type} holds the type on version 1 rows only, so a unique index on
 * (vendor, first_of_type) keeps a vendor to one program per type even under concurrent creates.
 */
final class JdbcPrograms implements ProgramRepository {
    private static final String SELECT = "SELECT id, vendor, version, saved_at, body FROM ";

    private final JdbcTransaction tx;
    private final String table;

    JdbcPrograms(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("programs");
    }

    @Override
    public void save(PartnerProgram program) {
        PartnerProgram current = get(program.vendor(), program.id());
        StoreRules.checkProgramSave(program, current, () -> forType(program.vendor(), program.type()));
        // Past the check, a current version exists exactly when this is not version 1.
        if (current != null && tx.update("retire program version " + current.version(), "UPDATE " + table
                + " SET is_current = ? WHERE vendor = ? AND id = ? AND version = ? AND is_current = ?", false,
                program.vendor().value(), program.id().value(), current.version(), true) == 0) {
            throw new ConflictException("program " + program.id() + " was changed concurrently; read it again and "
                    + "retry");
        }
        tx.update("insert program " + program.id() + " version " + program.version(), "INSERT INTO " + table
                + " (vendor, id, version, type, first_of_type, is_current, saved_at, body)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", program.vendor().value(), program.id().value(),
                program.version(), program.type().name(), program.version() == 1 ? program.type().name() : null, true,
                Columns.nanos(program.savedAt(), "program savedAt"), ProgramJson.write(program.terms()));
    }

    @Override
    public @Nullable PartnerProgram get(CompanyId vendor, ProgramId id) {
        return tx.queryOne("get program " + id, SELECT + table + " WHERE vendor = ? AND id = ? AND is_current = ?",
                JdbcPrograms::program, vendor.value(), id.value(), true);
    }

    @Override
    public @Nullable PartnerProgram version(CompanyId vendor, ProgramId id, int version) {
        return tx.queryOne("get program " + id + " version " + version, SELECT + table
                + " WHERE vendor = ? AND id = ? AND version = ?", JdbcPrograms::program, vendor.value(), id.value(),
                version);
    }

    @Override
    public @Nullable PartnerProgram forType(CompanyId vendor, PartnerType type) {
        return tx.queryOne("get program for " + type, SELECT + table
                + " WHERE vendor = ? AND type = ? AND is_current = ?", JdbcPrograms::program, vendor.value(),
                type.name(), true);
    }

    @Override
    public Page<PartnerProgram> list(CompanyId vendor, PageRequest page) {
        return tx.page("jdbc/programs", page, SELECT + table + " WHERE vendor = ? AND is_current = ?",
                JdbcPrograms::program, program -> program.id().value(), vendor.value(), true);
    }

    private static PartnerProgram program(ResultSet row) throws SQLException {
        return new PartnerProgram(ProgramId.of(row.getString("id")), CompanyId.of(row.getString("vendor")),
                row.getInt("version"), ProgramJson.read(row.getString("body")),
                Columns.instant(row.getLong("saved_at")));
    }
}
