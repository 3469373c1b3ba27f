package dev.ecosystem.memory;

import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.spi.SharingPolicyRepository;
import org.jspecify.annotations.Nullable;

/** Sharing policies partitioned by their owner, keyed by partner. */
final class MemorySharing implements SharingPolicyRepository {
    private final MemoryTransaction tx;
    private final Table<SharingPolicy> policies;

    MemorySharing(MemoryTransaction tx, Table<SharingPolicy> policies) {
        this.tx = tx;
        this.policies = policies;
    }

    @Override
    public void put(CompanyId owner, CompanyId partner, SharingPolicy policy) {
        policies.put(tx.checkOpen(), owner, partner.value(), policy);
        tx.changed(ChangeKind.SHARING_POLICY, owner, partner.value());
    }

    @Override
    public @Nullable SharingPolicy get(CompanyId owner, CompanyId partner) {
        tx.checkOpen();
        return policies.get(owner, partner.value());
    }

    @Override
    public boolean remove(CompanyId owner, CompanyId partner) {
        return tx.changedIf(policies.remove(tx.checkOpen(), owner, partner.value()) != null,
                ChangeKind.SHARING_POLICY, owner, partner.value());
    }
}
