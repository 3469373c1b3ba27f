package dev.ecosystem.io;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.IntakeRule;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.spi.PartnerStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Companies and their contacts, as loaded by {@link NetworkFiles}, ready to be {@linkplain #storeInto stored}.
 *
 * <pre>{@code
 * Network network = NetworkFiles.readCsv(Path.of("companies.csv"), Path.of("contacts.csv"));
 * network.storeInto(store);
 * }</pre>
 *
 * @param companies the companies, in file order, each id once
 * @param contacts the contacts, in file order, each (company, contact id) once; a contact's company may be one of
 *     {@code companies} or one already in the store it goes to
 */
public record Network(List<Company> companies, List<Contact> contacts) {
    private static final Logger LOG = LoggerFactory.getLogger(Network.class);

    /**
     * Copies the lists and checks that no company id and no (company, contact id) appears twice.
     *
     * @throws ValidationException naming the first repeated id
     */
    public Network {
        companies = List.copyOf(Checks.noNulls(companies, "companies"));
        contacts = List.copyOf(Checks.noNulls(contacts, "contacts"));
        Set<CompanyId> companyIds = new HashSet<>();
        for (Company company : companies) {
            if (!companyIds.add(company.id())) {
                throw new ValidationException("companies must have distinct ids, but " + Checks.quote(company.id())
                        + " appears more than once");
            }
        }
        Set<List<Object>> contactKeys = new HashSet<>();
        for (Contact contact : contacts) {
            if (!contactKeys.add(List.of(contact.companyId(), contact.id()))) {
                throw new ValidationException("contacts must have distinct ids within their company, but "
                        + Checks.quote(contact.id()) + " of company " + Checks.quote(contact.companyId())
                        + " appears more than once");
            }
        }
    }

    /**
     * Stores every company and contact in one transaction ({@link PartnerStore#useTransaction}), replacing profiles
     * and contacts with the same ids. Before writing anything it checks, in that transaction, that the company of
     * every contact is one of {@link #companies()} or already in the store, and after writing that every company's
     * intake contact is one of its contacts; if not, nothing is written.
     *
     * @throws ValidationException naming contacts whose company is neither in this network nor in the store (up to
     *     10 of them), or the first company whose intake contact is not one of its own
     */
    public void storeInto(PartnerStore store) {
        Checks.required(store, "store");
        Set<CompanyId> ours = new HashSet<>();
        companies.forEach(company -> ours.add(company.id()));
        store.useTransaction(tx -> {
            Map<CompanyId, Boolean> stored = new HashMap<>();
            List<String> orphans = new ArrayList<>();
            int count = 0;
            for (Contact contact : contacts) {
                CompanyId company = contact.companyId();
                if (!ours.contains(company)
                        && !stored.computeIfAbsent(company, id -> tx.companies().get(id) != null)) {
                    if (count++ < Problems.LIMIT) {
                        orphans.add(describe(contact.id(), company));
                    }
                }
            }
            if (count > 0) {
                throw new ValidationException("every contact's company must be in the network or already in the "
                        + "store, but " + count + (count == 1 ? " contact's company is" : " contacts' companies are")
                        + " in neither: " + String.join(", ", orphans) + (count > orphans.size() ? ", ..." : ""));
            }
            companies.forEach(tx.companies()::put);
            contacts.forEach(tx.contacts()::put);
            companies.forEach(company -> IntakeRule.check(tx, company));
        });
        LOG.debug("Stored {} companies and {} contacts", companies.size(), contacts.size());
    }

    private static String describe(ContactId contact, CompanyId company) {
        return "contact " + Checks.quote(contact) + " of company " + Checks.quote(company);
    }
}
