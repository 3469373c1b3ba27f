package dev.ecosystem.intro.internal;

import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The people and companies of one introduction, as currently stored.
 *
 * @param requesterCompany the requesting company's profile
 * @param targetCompany the target company's profile
 * @param requester the requesting person
 * @param target the person to meet
 * @param introducer the person making the introduction, or {@code null}
 */
record Participants(Company requesterCompany, Company targetCompany, Contact requester, Contact target,
        @Nullable Contact introducer) {
    /**
     * Why an introduction was cancelled when someone involved opted out after it was requested. Both companies read
     * the history, so it names nobody: whether another company's person opted out is that company's to know.
     */
    static final String UNAVAILABLE = "a person involved is no longer available for introductions";

    /** Loads them in {@code tx}; fails when one was removed. */
    static Participants load(StoreTransaction tx, Introduction intro) {
        return new Participants(company(tx, intro.requesterCompany()), company(tx, intro.targetCompany()),
                contact(tx, intro.requesterCompany(), intro.requester()),
                contact(tx, intro.targetCompany(), intro.target()),
                intro.introducer() == null ? null : contact(tx, intro.requesterCompany(), intro.introducer()));
    }

    static Company company(StoreTransaction tx, CompanyId id) {
        Company company = tx.companies().get(id);
        if (company == null) {
            throw new NotFoundException("company " + id + " is not in the network");
        }
        return company;
    }

    static Contact contact(StoreTransaction tx, CompanyId company, ContactId id) {
        Contact contact = tx.contacts().get(company, id);
        if (contact == null) {
            throw new NotFoundException("company " + company + " has no contact " + id);
        }
        return contact;
    }

    /** The person on {@code party}'s side. */
    Contact person(IntroParty party) {
        return party == IntroParty.REQUESTER ? requester : target;
    }

    /** The person emails go out in the name of: the introducer, or else the requester. */
    Contact sender() {
        return introducer != null ? introducer : requester;
    }

    /** Everyone involved who opted out of introductions, by name, for an error message. */
    List<String> optedOut() {
        List<String> names = new ArrayList<>();
        for (Contact contact : introducer == null ? List.of(requester, target)
                : List.of(requester, target, introducer)) {
            if (contact.optedOutOfIntroductions()) {
                names.add("contact " + contact.id() + " of " + contact.companyId());
            }
        }
        return names;
    }
}
