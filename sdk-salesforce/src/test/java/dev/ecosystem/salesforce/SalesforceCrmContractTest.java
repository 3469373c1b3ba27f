package dev.ecosystem.salesforce;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.spi.CrmConnector;
import dev.ecosystem.testkit.CrmConnectorContract;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link SalesforceCrm} keeps the {@link CrmConnector} contract against a stubbed multi-currency org. */
class SalesforceCrmContractTest extends CrmConnectorContract {
    private static OrgServer server;

    @BeforeAll
    static void startServer() {
        server = new OrgServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected CrmConnector connectorServing(CompanyId tenant, List<Account> accounts, List<Deal> deals) {
        server.reset();
        server.org.batchSize = 200; // pages of the contract's sizes span several query batches
        for (Account account : accounts) {
            server.org.put("Account", new FakeOrg.Row(account.id().value(), account.updatedAt())
                    .set("Name", account.name()).set("Website", account.domain())
                    .set("Type", account.lifecycleStage()));
        }
        for (Deal deal : deals) {
            Instant stamp = deal.createdAt().plusSeconds(60);
            server.org.put("Opportunity", new FakeOrg.Row(deal.id().value(), stamp)
                    .set("Name", deal.name()).set("AccountId", deal.accountIds().get(0).value())
                    .set("Partner_Account__c", deal.accountIds().size() > 1 ? deal.accountIds().get(1).value() : null)
                    .set("Amount", deal.amount().amount())
                    .set("CurrencyIsoCode", deal.amount().currency().getCurrencyCode())
                    .set("StageName", deal.stage())
                    .set("IsClosed", deal.status() != DealStatus.OPEN)
                    .set("IsWon", deal.status() == DealStatus.WON)
                    .set("CloseDate", deal.closeDate() == null ? null : deal.closeDate().toString())
                    .set("CreatedDate", deal.createdAt()));
        }
        return server.connector(tenant).opportunityAccountLookups("Partner_Account__c").build();
    }
}
