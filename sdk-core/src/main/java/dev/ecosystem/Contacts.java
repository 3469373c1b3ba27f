package dev.ecosystem;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;

/** The acting company's own people. Another company's contacts are never visible here. */
public interface Contacts {
    /**
     * Adds or replaces a contact of the acting company.
     *
     * @throws AccessDeniedException when the contact's company is another company
     */
    Contact save(Contact contact);

    /**
     * The contact.
     *
     * @throws NotFoundException when the acting company has no contact with this id
     */
    Contact get(ContactId id);

    /** The acting company's contacts in ascending id order. */
    Page<Contact> list(PageRequest page);

    /** Records whether the person opted out of introductions; an opted-out contact is never emailed. */
    Contact setOptedOut(ContactId id, boolean optedOut);

    /**
     * Removes the contact.
     *
     * @throws NotFoundException when there is none
     */
    void remove(ContactId id);
}
