package dev.ecosystem.navigator.internal;

import dev.ecosystem.internal.Checks;
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

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        Checks.required(work, "work");
        Set<CompanyId> touched = new LinkedHashSet<>();
        T result = delegate.inTransaction(tx -> {
            touched.clear(); // the store may run the work again after a conflict
            return work.apply(new Tracking(tx, touched));
        });
        index.refresh(touched);
        return result;
    }

    /** A transaction that notes which companies' profiles or people were written. */
    private record Tracking(StoreTransaction tx, Set<CompanyId> touched) implements StoreTransaction {
        @Override
        public CompanyRepository companies() {
            CompanyRepository companies = tx.companies();
            return new CompanyRepository() {
                @Override
                public void put(Company company) {
                    companies.put(company);
                    touched.add(company.id());
                }

                @Override
                public @Nullable Company get(CompanyId id) {
                    return companies.get(id);
                }

                @Override
                public boolean remove(CompanyId id) {
                    boolean removed = companies.remove(id);
                    touched.add(id);
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
                    touched.add(contact.companyId());
                }

                @Override
                public @Nullable Contact get(CompanyId company, ContactId id) {
                    return contacts.get(company, id);
                }

                @Override
                public boolean remove(CompanyId company, ContactId id) {
                    boolean removed = contacts.remove(company, id);
                    touched.add(company);
                    return removed;
                }

                @Override
                public Page<Contact> list(CompanyId company, PageRequest page) {
                    return contacts.list(company, page);
                }
            };
        }

        @Override
        public PartnershipRepository partnerships() {
            return tx.partnerships();
        }

        @Override
        public IntroductionRepository introductions() {
            return tx.introductions();
        }

        @Override
        public CrmSnapshotRepository crm() {
            return tx.crm();
        }

        @Override
        public TouchpointRepository touchpoints() {
            return tx.touchpoints();
        }

        @Override
        public OutboxRepository outbox() {
            return tx.outbox();
        }

        @Override
        public IdempotencyRepository idempotency() {
            return tx.idempotency();
        }

        @Override
        public CompanyBlockRepository blocks() {
            return tx.blocks();
        }

        @Override
        public SharingPolicyRepository sharing() {
            return tx.sharing();
        }
    }
}
