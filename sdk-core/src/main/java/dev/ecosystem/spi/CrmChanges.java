package dev.ecosystem.spi;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import java.util.List;

/**
 * A batch of CRM changes since a checkpoint.
 *
 * @param accounts accounts created or changed
 * @param deals deals created or changed
 * @param deletedAccounts ids of accounts removed from the CRM
 * @param deletedDeals ids of deals removed from the CRM
 * @param checkpoint where the next call continues from; store it with the records
 * @param hasMore whether more changes are waiting right now
 */
public record CrmChanges(List<Account> accounts, List<Deal> deals, List<AccountId> deletedAccounts,
        List<DealId> deletedDeals, String checkpoint, boolean hasMore) {
    /** Copies the lists. */
    public CrmChanges {
        accounts = List.copyOf(Checks.noNulls(accounts, "accounts"));
        deals = List.copyOf(Checks.noNulls(deals, "deals"));
        deletedAccounts = List.copyOf(Checks.noNulls(deletedAccounts, "deletedAccounts"));
        deletedDeals = List.copyOf(Checks.noNulls(deletedDeals, "deletedDeals"));
        Checks.text(checkpoint, "checkpoint", 2000);
    }

    /** How many records this batch carries. */
    public int size() {
        return accounts.size() + deals.size() + deletedAccounts.size() + deletedDeals.size();
    }
}
