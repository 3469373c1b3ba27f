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

/**
 * A {@link StoreTransaction} that hands every repository of another one through: the base of store decorators,
 * which override only the repositories they change. A repository added to the port is added here once.
 */
public abstract class ForwardingTransaction implements StoreTransaction {
    private final StoreTransaction delegate;

    /** Forwards to {@code delegate}. */
    protected ForwardingTransaction(StoreTransaction delegate) {
        this.delegate = Checks.required(delegate, "delegate");
    }

    /** The transaction this one forwards to. */
    protected final StoreTransaction delegate() {
        return delegate;
    }

    @Override
    public CompanyRepository companies() {
        return delegate.companies();
    }

    @Override
    public ContactRepository contacts() {
        return delegate.contacts();
    }

    @Override
    public PartnershipRepository partnerships() {
        return delegate.partnerships();
    }

    @Override
    public IntroductionRepository introductions() {
        return delegate.introductions();
    }

    @Override
    public CrmSnapshotRepository crm() {
        return delegate.crm();
    }

    @Override
    public SharingPolicyRepository sharing() {
        return delegate.sharing();
    }

    @Override
    public TouchpointRepository touchpoints() {
        return delegate.touchpoints();
    }

    @Override
    public OutboxRepository outbox() {
        return delegate.outbox();
    }

    @Override
    public IdempotencyRepository idempotency() {
        return delegate.idempotency();
    }

    @Override
    public CompanyBlockRepository blocks() {
        return delegate.blocks();
    }

    @Override
    public ChangeRepository changes() {
        return delegate.changes();
    }

    @Override
    public CrmWriteBackRepository crmWriteBacks() {
        return delegate.crmWriteBacks();
    }

    @Override
    public RegistrationRepository registrations() {
        return delegate.registrations();
    }

    @Override
    public ProgramRepository programs() {
        return delegate.programs();
    }

    @Override
    public TierRepository tiers() {
        return delegate.tiers();
    }

    @Override
    public CertificationRepository certifications() {
        return delegate.certifications();
    }

    @Override
    public PartnershipLifecycleRepository lifecycle() {
        return delegate.lifecycle();
    }

    @Override
    public StatementRepository statements() {
        return delegate.statements();
    }

    @Override
    public BriefRepository briefs() {
        return delegate.briefs();
    }

    @Override
    public void forEachListedProfile(Consumer<ListedProfile> action) {
        delegate.forEachListedProfile(action);
    }
}
