package dev.ecosystem.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoredAccounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stored accounts the in-memory store gives account mapping are views of the rows it copied in the reading
 * transaction: read after it, they hold what that transaction saw, whatever was written since.
 */
class AccountRowsTest {
    private static final CompanyId TENANT = CompanyId.of("acme");

    @Test
    void storedAccounts_readAfterTheirTransaction_holdWhatItSaw() {
        PartnerStore store = InMemoryPartnerStore.create();
        List<Account> accounts = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            accounts.add(account(i, "Acme " + i));
            keys.add(new byte[] {(byte) i});
        }
        store.useTransaction(tx -> {
            tx.crm().putAccounts(TENANT, accounts.subList(0, 500), keys.subList(0, 500));
            tx.crm().putAccounts(TENANT, accounts.subList(500, 1_000)); // without keys
        });

        StoredAccounts stored = store.inTransaction(tx -> tx.crm().allStoredAccounts(TENANT));
        store.useTransaction(tx -> {
            tx.crm().putAccounts(TENANT, List.of(account(1, "Renamed")), List.of(new byte[] {9}));
            tx.crm().removeAccounts(TENANT, List.of(AccountId.of("a0002")));
        });

        assertThat(stored.accounts()).containsExactlyElementsOf(accounts);
        assertThat(stored.matchKeys().subList(0, 500)).containsExactlyElementsOf(keys.subList(0, 500));
        assertThat(stored.matchKeys().subList(500, 1_000)).containsOnlyNulls();
        assertThat(stored.accounts().toArray(new Account[0])).containsExactlyElementsOf(accounts);
        assertThat(Arrays.asList(stored.matchKeys().toArray(new byte[0][])).subList(0, 2))
                .containsExactly(new byte[] {0}, new byte[] {1});
    }

    private static Account account(int i, String name) {
        return Account.builder(TENANT, AccountId.of(String.format("a%04d", i)), name).build();
    }
}
