package dev.ecosystem.memory;

import dev.ecosystem.internal.Checks;
import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.ContactRepository;
import org.jspecify.annotations.Nullable;

/** Contacts partitioned by their company. */
final class MemoryContacts implements ContactRepository {
    private final MemoryTransaction tx;
    private final Table<Contact> contacts;

    MemoryContacts(MemoryTransaction tx, Table<Contact> contacts) {
        this.tx = tx;
        this.contacts = contacts;
    }

    @Override
    public void put(Contact contact) {
        Checks.required(contact, "contact");
        contacts.put(tx.checkOpen(), contact.companyId(), contact.id().value(), contact);
        tx.changed(ChangeKind.CONTACT, contact.companyId(), contact.id().value());
    }

    @Override
    public @Nullable Contact get(CompanyId company, ContactId id) {
        Checks.required(company, "company");
        Checks.required(id, "contact id");
        tx.checkOpen();
        return contacts.get(company, id.value());
    }

    @Override
    public boolean remove(CompanyId company, ContactId id) {
        Checks.required(company, "company");
        Checks.required(id, "contact id");
        return tx.changedIf(contacts.remove(tx.checkOpen(), company, id.value()) != null, ChangeKind.CONTACT,
                company, id.value());
    }

    @Override
    public Page<Contact> list(CompanyId company, PageRequest page) {
        Checks.required(company, "company");
        tx.checkOpen();
        return contacts.page(company, page);
    }
}
