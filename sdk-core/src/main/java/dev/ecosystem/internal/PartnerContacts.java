package dev.ecosystem.internal;

import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Tag;
import dev.ecosystem.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who at a partner receives what its vendor's program sends it (enablement briefs, scorecards, statements): its
 * introduction intake contact, every contact with a role tag naming partnerships (such as
 * {@code role:head-of-partnerships}), and every contact reachable for introductions; never one who opted out, as no
 * email of the SDK reaches a person who did. One rule, so every program email reaches the same people.
 */
public final class PartnerContacts {
    private PartnerContacts() {
    }

    /** The partner's recipients in contact id order; empty when the company is not in the network. */
    public static List<Contact> of(StoreTransaction tx, CompanyId partner) {
        Company company = tx.companies().get(partner);
        if (company == null) {
            return List.of();
        }
        List<Contact> recipients = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            Page<Contact> page = tx.contacts().list(partner, PageRequest.after(cursor, PageRequest.MAX_SIZE));
            for (Contact contact : page.items()) {
                if (!contact.optedOutOfIntroductions() && (contact.id().equals(company.introductionIntake())
                        || contact.reachableForIntroductions() || partnerRole(contact))) {
                    recipients.add(contact);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return recipients;
    }

    private static boolean partnerRole(Contact contact) {
        for (Tag tag : contact.roleTags()) {
            if (tag.value().contains("partner")) {
                return true;
            }
        }
        return false;
    }
}
