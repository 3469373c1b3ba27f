package dev.ecosystem.memory;

import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CompanyRepository;
import org.jspecify.annotations.Nullable;

/** Network profiles in one partition. */
final class MemoryCompanies implements CompanyRepository {
    private final MemoryTransaction tx;
    private final Table<Company> companies;

    MemoryCompanies(MemoryTransaction tx, Table<Company> companies) {
        this.tx = tx;
        this.companies = companies;
    }

    @Override
    public void put(Company company) {
        companies.put(tx.checkOpen(), MemoryTables.ALL, company.id().value(), company);
        tx.changed(ChangeKind.COMPANY, company.id(), null);
    }

    @Override
    public @Nullable Company get(CompanyId id) {
        tx.checkOpen();
        return companies.get(MemoryTables.ALL, id.value());
    }

    @Override
    public boolean remove(CompanyId id) {
        return tx.changedIf(companies.remove(tx.checkOpen(), MemoryTables.ALL, id.value()) != null,
                ChangeKind.COMPANY, id, null);
    }

    @Override
    public Page<Company> list(PageRequest page) {
        tx.checkOpen();
        return companies.page(MemoryTables.ALL, page);
    }

    @Override
    public long count() {
        tx.checkOpen();
        return companies.count(MemoryTables.ALL);
    }
}
