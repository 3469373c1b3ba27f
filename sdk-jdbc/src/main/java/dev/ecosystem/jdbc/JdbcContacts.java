package dev.ecosystem.jdbc;

import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Tag;
import dev.ecosystem.spi.ContactRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Contacts in the {@code contacts} table, keyed by (company, id). */
final class JdbcContacts implements ContactRepository {
    private static final List<String> COLUMNS = List.of("company_id", "id", "name", "email", "display_name", "title",
            "role_tags", "opted_out", "reachable_for_intros");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM ";

    private final JdbcTransaction tx;
    private final String table;

    JdbcContacts(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("contacts");
    }

    @Override
    public void put(Contact contact) {
        tx.upsertWithChange("put contact " + contact.id(), table, List.of("company_id", "id"), COLUMNS,
                new Object[] {contact.companyId().value(), contact.id().value(), contact.name(),
                    contact.email().address(), contact.email().displayName(), contact.title(),
                    Columns.jsonStrings(contact.roleTags()), contact.optedOutOfIntroductions(),
                    contact.reachableForIntroductions()},
                ChangeKind.CONTACT, contact.companyId(), contact.id().value());
    }

    @Override
    public @Nullable Contact get(CompanyId company, ContactId id) {
        return tx.queryOne("get contact " + id, SELECT + table + " WHERE company_id = ? AND id = ?",
                JdbcContacts::contact, company.value(), id.value());
    }

    @Override
    public boolean remove(CompanyId company, ContactId id) {
        return tx.changedIf(tx.update("remove contact " + id, "DELETE FROM " + table
                + " WHERE company_id = ? AND id = ?", company.value(), id.value()) > 0, ChangeKind.CONTACT, company,
                id.value());
    }

    @Override
    public Page<Contact> list(CompanyId company, PageRequest page) {
        return tx.page("jdbc/contacts", page, SELECT + table + " WHERE company_id = ?", JdbcContacts::contact,
                contact -> contact.id().value(), company.value());
    }

    private static Contact contact(ResultSet row) throws SQLException {
        TreeSet<Tag> tags = new TreeSet<>();
        for (String tag : Columns.strings(row.getString("role_tags"))) {
            tags.add(Tag.parse(tag));
        }
        return new Contact(new ContactId(row.getString("id")), new CompanyId(row.getString("company_id")),
                row.getString("name"), new EmailAddress(row.getString("email"), row.getString("display_name")),
                row.getString("title"), tags, row.getBoolean("opted_out"), row.getBoolean("reachable_for_intros"));
    }
}
