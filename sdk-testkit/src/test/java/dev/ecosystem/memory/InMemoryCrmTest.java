package dev.ecosystem.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.spi.CrmChanges;
import dev.ecosystem.spi.CrmConnector;
import dev.ecosystem.testkit.CrmConnectorContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryCrmTest extends CrmConnectorContract {

    @Override
    protected CrmConnector connectorServing(CompanyId tenant, List<Account> accounts, List<Deal> deals) {
        return InMemoryCrm.of(tenant, accounts, deals);
    }

    @Test
    void changesSince_afterAnEditAndARemoval_reportsBothOnly() {
        CompanyId tenant = CompanyId.of("t");
        InMemoryCrm crm = InMemoryCrm.of(tenant,
                List.of(account(tenant, "a1"), account(tenant, "a2"), account(tenant, "a3")), List.of());
        String checkpoint = crm.changesSince(null, 1000).checkpoint();

        crm.put(Account.builder(tenant, AccountId.of("a2"), "Renamed").build());
        crm.removeAccount(AccountId.of("a3"));
        CrmChanges changes = crm.changesSince(checkpoint, 1000);

        assertThat(changes.accounts()).extracting(Account::name).containsExactly("Renamed");
        assertThat(changes.deletedAccounts()).containsExactly(AccountId.of("a3"));
        assertThat(changes.hasMore()).isFalse();
    }

    @Test
    void of_accountOfAnotherTenant_isRefused() {
        assertThatThrownBy(() -> InMemoryCrm.of(CompanyId.of("t"), List.of(account(CompanyId.of("other"), "a")),
                List.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("belongs to other");
    }

    private static Account account(CompanyId tenant, String id) {
        return Account.builder(tenant, AccountId.of(id), "Account " + id).build();
    }
}
