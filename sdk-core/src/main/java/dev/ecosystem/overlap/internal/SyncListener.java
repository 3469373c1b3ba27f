package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.spi.StoreTransaction;
import java.util.Collection;
import java.util.List;

/**
 * Told of every batch of deals a CRM sync stores, inside the batch's transaction right after its writes (the CRM was
 * read before it began, so nothing in it waits on the network): what it writes commits with the batch or not at
 * all, and a re-sync that delivers the deals again finds its writes. Linkers of referrals and introductions sit
 * here. Implementations must not call ports that may wait on the network.
 */
@FunctionalInterface
public interface SyncListener {
    /**
     * Handles the stored accounts and deals of one batch.
     *
     * @return what to do once the batch committed (publishing events), never {@code null}
     */
    Runnable stored(StoreTransaction tx, CompanyId tenant, Collection<Account> accounts, Collection<Deal> deals);

    /** Does nothing. */
    static SyncListener none() {
        return (tx, tenant, accounts, deals) -> () -> { };
    }

    /** Each of {@code listeners} in turn. */
    static SyncListener all(List<SyncListener> listeners) {
        List<SyncListener> copy = List.copyOf(listeners);
        return (tx, tenant, accounts, deals) -> {
            List<Runnable> after = copy.stream().map(listener -> listener.stored(tx, tenant, accounts, deals))
                    .toList();
            return () -> after.forEach(Runnable::run);
        };
    }
}
