package dev.ecosystem.navigator.internal;

import dev.ecosystem.spi.support.ForwardingTransaction;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CompanyBlockRepository;
import dev.ecosystem.spi.CompanyRepository;
import dev.ecosystem.spi.ContactRepository;
import dev.ecosystem.spi.CrmSnapshotRepository;
import dev.ecosystem.spi.IdempotencyRepository;
import dev.ecosystem.spi.IntroductionRepository;
import dev.ecosystem.spi.OutboxRepository;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.PartnershipRepository;
import dev.ecosystem.spi.SharingPolicyRepository;
import dev.ecosystem.spi.StoreTransaction;
import dev.ecosystem.spi.TouchpointRepository;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The client's view of the host's store: passes everything through and, after a transaction that wrote companies
 * or contacts commits, has the {@link NavigatorIndex} re-read those companies. So every write made through the
 * client, its scopes or {@code client.store()} (imports) reaches the next search.
 */
public final class IndexingPartnerStore implements PartnerStore {
    private final PartnerStore delegate;
    private final NavigatorIndex index;

    /** Wraps {@code delegate}, keeping {@code index} current. */
    public IndexingPartnerStore(PartnerStore delegate, NavigatorIndex index) {
        this.delegate = delegate;
        this.index = index;
    }

    /**
     * Runs {@code work} and then refreshes the companies it wrote. A transaction that wrote none (every search, every
     * read) allocates no set and takes no index lock.
     */
    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        Checks.required(work, "work");
        Tracking[] last = new Tracking[1];
        T result = delegate.inTransaction(tx -> {
            // The store may run the work again after a conflict: only the last attempt's writes count.
            Tracking tracking = new Tracking(tx);
            last[0] = tracking;
            return work.apply(tracking);
        });
        Set<CompanyId> touched = last[0] == null ? Set.of() : last[0].touched();
        if (!touched.isEmpty()) {
            index.refresh(touched);
        }
        return result;
    }

    /** A transaction that notes which companies' profiles or people were written. */
    private static final class Tracking extends ForwardingTransaction {
        private final StoreTransaction tx;
        private @Nullable Set<CompanyId> touched;

        Tracking(StoreTransaction tx) {
            super(tx);
            this.tx = tx;
        }

        /** The companies written so far, in the order first written. */
        Set<CompanyId> touched() {
            Set<CompanyId> written = touched;
            return written == null ? Set.of() : written;
        }

        private void touch(CompanyId company) {
            Set<CompanyId> written = touched;
            if (written == null) {
                written = new LinkedHashSet<>();
                touched = written;
            }
            written.add(company);
        }

        @Override
        public CompanyRepository companies() {
            CompanyRepository companies = tx.companies();
            return new CompanyRepository() {
                @Override
                public void put(Company company) {
                    companies.put(company);
                    touch(company.id());
                }

                @Override
                public @Nullable Company get(CompanyId id) {
                    return companies.get(id);
                }

                @Override
                public boolean remove(CompanyId id) {
                    boolean removed = companies.remove(id);
                    touch(id);
                    return removed;
                }

                @Override
                public Page<Company> list(PageRequest page) {
                    return companies.list(page);
                }

                @Override
                public long count() {
                    return companies.count();
                }
            };
        }

        @Override
        public ContactRepository contacts() {
            ContactRepository contacts = tx.contacts();
            return new ContactRepository() {
                @Override
                public void put(Contact contact) {
                    contacts.put(contact);
                    touch(contact.companyId());
                }

                @Override
                public @Nullable Contact get(CompanyId company, ContactId id) {
                    return contacts.get(company, id);
                }

                @Override
                public boolean remove(CompanyId company, ContactId id) {
                    boolean removed = contacts.remove(company, id);
                    touch(company);
                    return removed;
                }

                @Override
                public Page<Contact> list(CompanyId company, PageRequest page) {
                    return contacts.list(company, page);
                }
            };
        }








    }
}
