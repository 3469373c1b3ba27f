package dev.ecosystem;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;

/** {@link Contacts} limited to one company. */
final class ScopedContacts implements Contacts {
    private final SdkContext context;
    private final CompanyId company;

    /** Contacts of {@code company}. */
    ScopedContacts(SdkContext context, CompanyId company) {
        this.context = context;
        this.company = company;
    }

    @Override
    public Contact save(Contact contact) {
        Checks.required(contact, "contact");
        if (!contact.companyId().equals(company)) {
            throw new AccessDeniedException("company " + company + " cannot save a contact of company "
                    + contact.companyId() + " (contact " + contact.id() + ")");
        }
        context.store().useTransaction(tx -> tx.contacts().put(contact));
        return contact;
    }

    @Override
    public Contact get(ContactId id) {
        Checks.required(id, "contact id");
        Contact contact = context.store().inTransaction(tx -> tx.contacts().get(company, id));
        if (contact == null) {
            throw new NotFoundException("company " + company + " has no contact " + id);
        }
        return contact;
    }

    @Override
    public Page<Contact> list(PageRequest page) {
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.contacts().list(company, page));
    }

    @Override
    public Contact setOptedOut(ContactId id, boolean optedOut) {
        Checks.required(id, "contact id");
        return context.store().inTransaction(tx -> {
            Contact contact = tx.contacts().get(company, id);
            if (contact == null) {
                throw new NotFoundException("company " + company + " has no contact " + id);
            }
            Contact changed = contact.withOptedOut(optedOut);
            tx.contacts().put(changed);
            return changed;
        });
    }

    @Override
    public void remove(ContactId id) {
        Checks.required(id, "contact id");
        boolean removed = context.store().inTransaction(tx -> tx.contacts().remove(company, id));
        if (!removed) {
            throw new NotFoundException("company " + company + " has no contact " + id);
        }
    }
}
