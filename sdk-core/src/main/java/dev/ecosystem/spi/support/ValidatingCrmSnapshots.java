package dev.ecosystem.spi.support;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CrmSnapshotRepository;
import dev.ecosystem.spi.StoredAccounts;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The argument checks of {@link CrmSnapshotRepository}, for {@link ValidatingPartnerStore}: besides nulls, a record
 * stored into a snapshot must be owned by the snapshot's tenant.
 */
record ValidatingCrmSnapshots(CrmSnapshotRepository store) implements CrmSnapshotRepository {

    @Override
    public void putAccounts(CompanyId tenant, Collection<Account> accounts) {
        checkAccounts(tenant, accounts);
        store.putAccounts(tenant, accounts);
    }

    @Override
    public void putAccounts(CompanyId tenant, List<Account> accounts, List<byte[]> matchKeys) {
        Checks.required(tenant, "tenant");
        Checks.noNulls(accounts, "accounts");
        Checks.sameSize(Checks.noNulls(matchKeys, "matchKeys"), "matchKeys", accounts, "accounts");
        checkAccounts(tenant, accounts);
        store.putAccounts(tenant, accounts, matchKeys);
    }

    private static void checkAccounts(CompanyId tenant, Collection<Account> accounts) {
        Checks.required(tenant, "tenant");
        Checks.noNulls(accounts, "accounts");
        for (Account account : accounts) {
            requireOwner(tenant, account.owner(), "account " + account.id());
        }
    }

    @Override
    public void removeAccounts(CompanyId tenant, Collection<AccountId> ids) {
        Checks.required(tenant, "tenant");
        store.removeAccounts(tenant, Checks.noNulls(ids, "account ids"));
    }

    @Override
    public @Nullable Account account(CompanyId tenant, AccountId id) {
        return store.account(Checks.required(tenant, "tenant"), Checks.required(id, "account id"));
    }

    @Override
    public Page<Account> accounts(CompanyId tenant, PageRequest page) {
        return store.accounts(Checks.required(tenant, "tenant"), ValidatingRepositories.page(page));
    }

    @Override
    public long accountCount(CompanyId tenant) {
        return store.accountCount(Checks.required(tenant, "tenant"));
    }

    @Override
    public List<Account> allAccounts(CompanyId tenant) {
        return store.allAccounts(Checks.required(tenant, "tenant"));
    }

    @Override
    public StoredAccounts allStoredAccounts(CompanyId tenant) {
        return store.allStoredAccounts(Checks.required(tenant, "tenant"));
    }

    @Override
    public void putDeals(CompanyId tenant, Collection<Deal> deals) {
        Checks.required(tenant, "tenant");
        Checks.noNulls(deals, "deals");
        for (Deal deal : deals) {
            requireOwner(tenant, deal.owner(), "deal " + deal.id());
        }
        store.putDeals(tenant, deals);
    }

    @Override
    public void removeDeals(CompanyId tenant, Collection<DealId> ids) {
        Checks.required(tenant, "tenant");
        store.removeDeals(tenant, Checks.noNulls(ids, "deal ids"));
    }

    @Override
    public @Nullable Deal deal(CompanyId tenant, DealId id) {
        return store.deal(Checks.required(tenant, "tenant"), Checks.required(id, "deal id"));
    }

    @Override
    public Page<Deal> deals(CompanyId tenant, PageRequest page) {
        return store.deals(Checks.required(tenant, "tenant"), ValidatingRepositories.page(page));
    }

    @Override
    public long dealCount(CompanyId tenant) {
        return store.dealCount(Checks.required(tenant, "tenant"));
    }

    @Override
    public List<Deal> allDeals(CompanyId tenant) {
        return store.allDeals(Checks.required(tenant, "tenant"));
    }

    @Override
    public long revision(CompanyId tenant) {
        return store.revision(Checks.required(tenant, "tenant"));
    }

    @Override
    public @Nullable String checkpoint(CompanyId tenant) {
        return store.checkpoint(Checks.required(tenant, "tenant"));
    }

    @Override
    public void saveCheckpoint(CompanyId tenant, String checkpoint) {
        Checks.required(tenant, "tenant");
        Checks.text(checkpoint, "checkpoint", 10_000);
        store.saveCheckpoint(tenant, checkpoint);
    }

    private static void requireOwner(CompanyId tenant, CompanyId owner, String record) {
        if (!owner.equals(tenant)) {
            throw new ValidationException(record + " is owned by " + owner + " but was stored into the snapshot of "
                    + tenant + "; a tenant's snapshot holds only its own records");
        }
    }
}
