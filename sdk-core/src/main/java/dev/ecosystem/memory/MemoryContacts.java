package dev.ecosystem.memory;

import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Tag;
import dev.ecosystem.spi.ContactRepository;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;

/** Contacts partitioned by their company, each kept as a {@link Row}. */
final class MemoryContacts implements ContactRepository {
    private final MemoryTransaction tx;
    private final Table<Row> contacts;

    MemoryContacts(MemoryTransaction tx, Table<Row> contacts) {
        this.tx = tx;
        this.contacts = contacts;
    }

    /**
     * A contact as the store keeps it: a million companies with a contact each hold a million of them, so the row
     * leaves out what it can give back on a read, 64 bytes a contact. Its company is the partition it is stored in;
     * its id is the bare string (the table's key, and the change feed's, so kept once) without a {@link ContactId};
     * its email address, unique to each contact, is kept as UTF-8 bytes without its {@link EmailAddress} and
     * {@code String} (48 bytes more), its display name as the contact's name when it is that (as the builder makes
     * it). A read builds the contact and its address again, validating them again (about a microsecond, on reads of
     * single contacts: introductions, invitations, the Navigator's refresh of changed companies); the Navigator's
     * index load reads only {@link #roleTags}, with nothing built.
     *
     * @param utf8Address the email address as UTF-8
     * @param displayName the email's display name when it is not {@code name}
     * @param displayNameIsName whether the email's display name is the contact's name
     */
    record Row(String id, String name, byte[] utf8Address, @Nullable String displayName, boolean displayNameIsName,
            @Nullable String title, SortedSet<Tag> roleTags, boolean optedOut, boolean reachable) {

        static Row of(Contact contact) {
            EmailAddress email = contact.email();
            boolean isName = contact.name().equals(email.displayName());
            return new Row(contact.id().value(), contact.name(), email.address().getBytes(StandardCharsets.UTF_8),
                    isName ? null : email.displayName(), isName, contact.title(), contact.roleTags(),
                    contact.optedOutOfIntroductions(), contact.reachableForIntroductions());
        }

        Contact contact(CompanyId company) {
            EmailAddress email = new EmailAddress(new String(utf8Address, StandardCharsets.UTF_8),
                    displayNameIsName ? name : displayName);
            return new Contact(new ContactId(id), company, name, email, title, roleTags, optedOut, reachable);
        }
    }

    @Override
    public void put(Contact contact) {
        contacts.put(tx.checkOpen(), contact.companyId(), contact.id().value(), Row.of(contact));
        tx.changed(ChangeKind.CONTACT, contact.companyId(), contact.id().value());
    }

    @Override
    public @Nullable Contact get(CompanyId company, ContactId id) {
        tx.checkOpen();
        Row row = contacts.get(company, id.value());
        return row == null ? null : row.contact(company);
    }

    @Override
    public boolean remove(CompanyId company, ContactId id) {
        return tx.changedIf(contacts.remove(tx.checkOpen(), company, id.value()) != null, ChangeKind.CONTACT,
                company, id.value());
    }

    @Override
    public Page<Contact> list(CompanyId company, PageRequest page) {
        tx.checkOpen();
        Page<Row> rows = contacts.page(company, page);
        List<Contact> items = new ArrayList<>(rows.items().size());
        rows.items().forEach(row -> items.add(row.contact(company)));
        return new Page<>(items, rows.nextCursor());
    }
}
