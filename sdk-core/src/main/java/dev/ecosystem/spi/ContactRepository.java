package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import org.jspecify.annotations.Nullable;

/** People, keyed by (company, contact id): the company of a contact is the tenant that owns it. */
public interface ContactRepository {
    /** Stores the contact under its company, replacing the one with the same key. */
    void put(Contact contact);

    /** The contact of {@code company} with this id, or {@code null}. */
    @Nullable Contact get(CompanyId company, ContactId id);

    /** Removes it; returns whether there was one. */
    boolean remove(CompanyId company, ContactId id);

    /** The company's contacts in ascending id order. */
    Page<Contact> list(CompanyId company, PageRequest page);
}
