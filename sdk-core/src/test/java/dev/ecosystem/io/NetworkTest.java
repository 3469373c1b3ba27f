package dev.ecosystem.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.memory.InMemoryPartnerStore;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NetworkTest {
    private static final Company ACME = Company.builder(CompanyId.of("acme"), "Acme").build();
    private static final Company BOLT = Company.builder(CompanyId.of("bolt"), "Bolt").build();

    private final RecordingStore store = new RecordingStore();

    @Test
    void storeInto_writesEveryRecordInOneTransaction() {
        Network network = new Network(List.of(ACME, BOLT), List.of(contact("ada", "acme"), contact("bo", "bolt")));

        network.storeInto(store);

        assertThat(store.transactions).isEqualTo(1);
        assertThat(store.writes).containsExactly("company acme", "company bolt", "contact acme/ada",
                "contact bolt/bo");
    }

    @Test
    void storeInto_contactOfACompanyAlreadyStored_isAccepted() {
        store.companies.put(CompanyId.of("zeta"), Company.builder(CompanyId.of("zeta"), "Zeta").build());

        new Network(List.of(ACME), List.of(contact("zed", "zeta"))).storeInto(store);

        assertThat(store.writes).containsExactly("company acme", "contact zeta/zed");
    }

    @Test
    void storeInto_contactOfAnUnknownCompany_writesNothing() {
        Network network = new Network(List.of(ACME, BOLT),
                List.of(contact("ada", "acme"), contact("gus", "ghost"), contact("hal", "ghost")));

        assertThatThrownBy(() -> network.storeInto(store))
                .isExactlyInstanceOf(ValidationException.class)
                .hasMessage("every contact's company must be in the network or already in the store, but 2 contacts' "
                        + "companies are in neither: contact \"gus\" of company \"ghost\", contact \"hal\" of company "
                        + "\"ghost\"");
        assertThat(store.writes).isEmpty();
    }

    @Test
    @DisplayName("An intake contact that is one of the company's contacts is stored; any other id stores nothing")
    void storeInto_checksEveryIntakeContact() {
        PartnerStore memory = InMemoryPartnerStore.create();
        Company acme = ACME.toBuilder().introductionIntake(ContactId.of("ada")).build();
        Company bolt = BOLT.toBuilder().introductionIntake(ContactId.of("ada")).build();

        new Network(List.of(acme), List.of(contact("ada", "acme"))).storeInto(memory);
        Network wrong = new Network(List.of(bolt), List.of(contact("bo", "bolt")));

        Company stored = memory.inTransaction(tx -> tx.companies().get(ACME.id()));
        assertThat(stored).isEqualTo(acme);
        assertThatThrownBy(() -> wrong.storeInto(memory))
                .isExactlyInstanceOf(ValidationException.class)
                .hasMessage("introductionIntake of company bolt must be one of its own contacts, but was \"ada\"");
        Company notStored = memory.inTransaction(tx -> tx.companies().get(BOLT.id()));
        assertThat(notStored).isNull();
    }

    @Test
    void newNetwork_repeatedCompanyId_isRejected() {
        assertThatThrownBy(() -> new Network(List.of(ACME, ACME), List.of()))
                .isExactlyInstanceOf(ValidationException.class)
                .hasMessage("companies must have distinct ids, but \"acme\" appears more than once");
    }

    @Test
    void newNetwork_repeatedContactOfACompany_isRejected() {
        assertThatThrownBy(() -> new Network(List.of(ACME), List.of(contact("ada", "acme"), contact("ada", "acme"))))
                .hasMessage("contacts must have distinct ids within their company, but \"ada\" of company \"acme\" "
                        + "appears more than once");
    }

    private static Contact contact(String id, String company) {
        return Contact.builder(ContactId.of(id), CompanyId.of(company), id, id + "@" + company + ".io").build();
    }

    /** Records writes; only what {@link Network#storeInto} uses is implemented. */
    private static final class RecordingStore implements PartnerStore, StoreTransaction, CompanyRepository,
            ContactRepository {
        final Map<CompanyId, Company> companies = new HashMap<>();
        final List<String> writes = new ArrayList<>();
        int transactions;

        @Override
        public <T> T inTransaction(Function<StoreTransaction, T> work) {
            transactions++;
            return work.apply(this);
        }

        @Override
        public CompanyRepository companies() {
            return this;
        }

        @Override
        public ContactRepository contacts() {
            return this;
        }

        @Override
        public void put(Company company) {
            writes.add("company " + company.id());
        }

        @Override
        public @Nullable Company get(CompanyId id) {
            return companies.get(id);
        }

        @Override
        public void put(Contact contact) {
            writes.add("contact " + contact.companyId() + "/" + contact.id());
        }

        @Override
        public boolean remove(CompanyId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Company> list(PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count() {
            throw new UnsupportedOperationException();
        }

        @Override
        public @Nullable Contact get(CompanyId company, ContactId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean remove(CompanyId company, ContactId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Contact> list(CompanyId company, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PartnershipRepository partnerships() {
            throw new UnsupportedOperationException();
        }

        @Override
        public IntroductionRepository introductions() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CrmSnapshotRepository crm() {
            throw new UnsupportedOperationException();
        }

        @Override
        public SharingPolicyRepository sharing() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TouchpointRepository touchpoints() {
            throw new UnsupportedOperationException();
        }

        @Override
        public OutboxRepository outbox() {
            throw new UnsupportedOperationException();
        }

        @Override
        public IdempotencyRepository idempotency() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompanyBlockRepository blocks() {
            throw new UnsupportedOperationException();
        }
    }
}
