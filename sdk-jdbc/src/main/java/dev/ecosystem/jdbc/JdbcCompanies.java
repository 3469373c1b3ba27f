package dev.ecosystem.jdbc;

import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.model.Tag;
import dev.ecosystem.spi.CompanyRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Network profiles in the {@code companies} table. */
final class JdbcCompanies implements CompanyRepository {
    private static final List<String> COLUMNS = List.of("id", "name", "web_domain", "description", "business_tags",
            "industries", "regions", "size_band", "product_categories", "signals", "listed", "introduction_intake");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM ";

    private final JdbcTransaction tx;
    private final String table;

    JdbcCompanies(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("companies");
    }

    @Override
    public void put(Company company) {
        tx.upsertWithChange("put company " + company.id(), table, List.of("id"), COLUMNS, new Object[] {
            company.id().value(), company.name(), company.webDomain(), company.description(),
            Columns.jsonStrings(company.businessTags()), Columns.json(company.industries()),
            Columns.json(company.regions()), company.sizeBand() == null ? null : company.sizeBand().name(),
            Columns.json(company.productCategories()), Columns.json(company.signals()), company.listed(),
            company.introductionIntake() == null ? null : company.introductionIntake().value()},
                ChangeKind.COMPANY, company.id(), null);
    }

    @Override
    public @Nullable Company get(CompanyId id) {
        return tx.queryOne("get company " + id, SELECT + table + " WHERE id = ?", JdbcCompanies::company,
                id.value());
    }

    @Override
    public boolean remove(CompanyId id) {
        return tx.changedIf(tx.update("remove company " + id, "DELETE FROM " + table + " WHERE id = ?",
                id.value()) > 0, ChangeKind.COMPANY, id, null);
    }

    @Override
    public Page<Company> list(PageRequest page) {
        return tx.page("jdbc/companies", page, SELECT + table + " WHERE 1 = 1", JdbcCompanies::company,
                company -> company.id().value());
    }

    @Override
    public long count() {
        return tx.count("count companies", "SELECT COUNT(*) FROM " + table);
    }

    private static Company company(ResultSet row) throws SQLException {
        TreeSet<Tag> tags = new TreeSet<>();
        for (String tag : Columns.strings(row.getString("business_tags"))) {
            tags.add(Tag.parse(tag));
        }
        String sizeBand = row.getString("size_band");
        String intake = row.getString("introduction_intake");
        return new Company(new CompanyId(row.getString("id")), row.getString("name"), row.getString("web_domain"),
                row.getString("description"), tags, new TreeSet<>(Columns.strings(row.getString("industries"))),
                new TreeSet<>(Columns.strings(row.getString("regions"))),
                sizeBand == null ? null : SizeBand.valueOf(sizeBand),
                Columns.strings(row.getString("product_categories")),
                new TreeSet<>(Columns.strings(row.getString("signals"))), row.getBoolean("listed"),
                intake == null ? null : new ContactId(intake));
    }
}
