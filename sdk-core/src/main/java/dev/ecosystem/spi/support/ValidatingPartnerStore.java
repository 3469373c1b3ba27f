package dev.ecosystem.spi.support;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.spi.BriefRepository;
import dev.ecosystem.spi.CertificationRepository;
import dev.ecosystem.spi.ChangeRepository;
import dev.ecosystem.spi.CompanyBlockRepository;
import dev.ecosystem.spi.CompanyRepository;
import dev.ecosystem.spi.ContactRepository;
import dev.ecosystem.spi.CrmSnapshotRepository;
import dev.ecosystem.spi.CrmWriteBackRepository;
import dev.ecosystem.spi.IdempotencyRepository;
import dev.ecosystem.spi.IntroductionRepository;
import dev.ecosystem.spi.ListedProfile;
import dev.ecosystem.spi.OutboxRepository;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.PartnershipLifecycleRepository;
import dev.ecosystem.spi.PartnershipRepository;
import dev.ecosystem.spi.ProgramRepository;
import dev.ecosystem.spi.RegistrationRepository;
import dev.ecosystem.spi.SharingPolicyRepository;
import dev.ecosystem.spi.StatementRepository;
import dev.ecosystem.spi.StoreTransaction;
import dev.ecosystem.spi.TierRepository;
import dev.ecosystem.spi.TouchpointRepository;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link PartnerStore} that checks the arguments of every call before the store it wraps sees them: a {@code null}
 * argument, a collection holding {@code null}, a limit out of range, a claim whose lease ends before it starts, a
 * company blocking itself, a CRM record stored into another tenant's snapshot. Each fails with a
 * {@link dev.ecosystem.error.ValidationException} that names the argument, before anything of the call reaches the store,
 * so the caller may catch it and go on with the transaction.
 *
 * <p>{@code EcosystemClient} wraps every store it is given in one, so a store implements only its storage and may
 * take its arguments as valid; the contract kits of {@code sdk-testkit} check a store behind this wrapper. What
 * depends on stored rows (a stale version, a duplicate id, an outbox update by the wrong claim) stays the store's to
 * refuse, with the rules of {@link StoreRules}.
 */
public final class ValidatingPartnerStore implements PartnerStore {
    private final PartnerStore delegate;

    private ValidatingPartnerStore(PartnerStore delegate) {
        this.delegate = delegate;
    }

    /**
     * {@code store} behind argument checks; {@code store} itself when it already is a {@code ValidatingPartnerStore}.
     *
     * @throws dev.ecosystem.error.ValidationException when {@code store} is {@code null}
     */
    public static ValidatingPartnerStore wrap(PartnerStore store) {
        Checks.required(store, "store");
        return store instanceof ValidatingPartnerStore validating ? validating : new ValidatingPartnerStore(store);
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        Checks.required(work, "work");
        return delegate.inTransaction(tx -> work.apply(new ValidatingTransaction(tx)));
    }

    @Override
    public String toString() {
        return "ValidatingPartnerStore[" + delegate + "]";
    }

    /** The repositories of the wrapped transaction, each behind its argument checks. */
    private static final class ValidatingTransaction extends ForwardingTransaction {
        ValidatingTransaction(StoreTransaction delegate) {
            super(delegate);
        }

        @Override
        public CompanyRepository companies() {
            return new ValidatingRepositories.Companies(delegate().companies());
        }

        @Override
        public ContactRepository contacts() {
            return new ValidatingRepositories.Contacts(delegate().contacts());
        }

        @Override
        public PartnershipRepository partnerships() {
            return new ValidatingRepositories.Partnerships(delegate().partnerships());
        }

        @Override
        public IntroductionRepository introductions() {
            return new ValidatingRepositories.Introductions(delegate().introductions());
        }

        @Override
        public CrmSnapshotRepository crm() {
            return new ValidatingCrmSnapshots(delegate().crm());
        }

        @Override
        public SharingPolicyRepository sharing() {
            return new ValidatingRepositories.Sharing(delegate().sharing());
        }

        @Override
        public TouchpointRepository touchpoints() {
            return new ValidatingRepositories.Touchpoints(delegate().touchpoints());
        }

        @Override
        public OutboxRepository outbox() {
            return new ValidatingRepositories.Outbox(delegate().outbox());
        }

        @Override
        public IdempotencyRepository idempotency() {
            IdempotencyRepository keys = delegate().idempotency();
            return (tenant, key, value) -> {
                Checks.required(tenant, "tenant");
                Checks.text(key, "idempotency key", 500);
                Checks.required(value, "idempotency value");
                return keys.putIfAbsent(tenant, key, value);
            };
        }

        @Override
        public CompanyBlockRepository blocks() {
            return new ValidatingRepositories.Blocks(delegate().blocks());
        }

        @Override
        public ChangeRepository changes() {
            return new ValidatingRepositories.Changes(delegate().changes());
        }

        @Override
        public CrmWriteBackRepository crmWriteBacks() {
            return new ValidatingRepositories.WriteBacks(delegate().crmWriteBacks());
        }

        @Override
        public RegistrationRepository registrations() {
            return new ValidatingProgramRepositories.Registrations(delegate().registrations());
        }

        @Override
        public ProgramRepository programs() {
            return new ValidatingProgramRepositories.Programs(delegate().programs());
        }

        @Override
        public TierRepository tiers() {
            return new ValidatingProgramRepositories.Tiers(delegate().tiers());
        }

        @Override
        public CertificationRepository certifications() {
            return new ValidatingProgramRepositories.Certifications(delegate().certifications());
        }

        @Override
        public PartnershipLifecycleRepository lifecycle() {
            return new ValidatingProgramRepositories.Lifecycle(delegate().lifecycle());
        }

        @Override
        public StatementRepository statements() {
            return new ValidatingProgramRepositories.Statements(delegate().statements());
        }

        @Override
        public BriefRepository briefs() {
            return new ValidatingProgramRepositories.Briefs(delegate().briefs());
        }

        @Override
        public void forEachListedProfile(Consumer<ListedProfile> action) {
            Checks.required(action, "action");
            super.forEachListedProfile(action);
        }
    }
}
