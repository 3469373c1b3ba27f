package dev.ecosystem.memory;

import dev.ecosystem.spi.support.StoreRules;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.spi.ProgramRepository;
import org.jspecify.annotations.Nullable;

/** Programs partitioned by vendor: current versions by id, every version by (id, version), current ids by type. */
final class MemoryPrograms implements ProgramRepository {
    private final MemoryTransaction tx;
    private final MemoryTables.ProgramTables tables;

    MemoryPrograms(MemoryTransaction tx, MemoryTables.ProgramTables tables) {
        this.tx = tx;
        this.tables = tables;
    }

    @Override
    public void save(PartnerProgram program) {
        tx.checkOpen();
        PartnerProgram current = tables.current().get(program.vendor(), program.id().value());
        StoreRules.checkProgramSave(program, current, () -> forType(program.vendor(), program.type()));
        tables.current().put(tx, program.vendor(), program.id().value(), program);
        tables.versions().put(tx, program.vendor(), versionKey(program.id(), program.version()), program);
        tables.byType().put(tx, program.vendor(), program.type().name(), program.id().value());
    }

    @Override
    public @Nullable PartnerProgram get(CompanyId vendor, ProgramId id) {
        tx.checkOpen();
        return tables.current().get(vendor, id.value());
    }

    @Override
    public @Nullable PartnerProgram version(CompanyId vendor, ProgramId id, int version) {
        tx.checkOpen();
        return tables.versions().get(vendor, versionKey(id, version));
    }

    @Override
    public @Nullable PartnerProgram forType(CompanyId vendor, PartnerType type) {
        tx.checkOpen();
        String id = tables.byType().get(vendor, type.name());
        return id == null ? null : tables.current().get(vendor, id);
    }

    @Override
    public Page<PartnerProgram> list(CompanyId vendor, PageRequest page) {
        tx.checkOpen();
        return tables.current().page(vendor, page);
    }

    private static String versionKey(ProgramId id, int version) {
        return id.value() + '\u0000' + version;
    }
}
