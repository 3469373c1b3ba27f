package dev.ecosystem.hubspot;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.spi.CrmConnector;
import dev.ecosystem.testkit.CrmConnectorContract;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link HubSpotCrm} keeps the {@link CrmConnector} contract against a stubbed HubSpot portal. */
class HubSpotCrmContractTest extends CrmConnectorContract {
    private static PortalServer server;

    @BeforeAll
    static void startServer() {
        server = new PortalServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected CrmConnector connectorServing(CompanyId tenant, List<Account> accounts, List<Deal> deals) {
        server.stubPortal();
        server.portal.load(accounts.stream().map(a -> new FakePortal.Company(a.id().value(), a.name(), a.domain(),
                        a.lifecycleStage(), a.updatedAt())).toList(),
                deals.stream().map(d -> new FakePortal.Deal(d.id().value(), d.name(),
                        d.amount() == null ? null : d.amount().amount().toPlainString(),
                        d.amount() == null ? null : d.amount().currency().getCurrencyCode(), d.stage(), d.closeDate(),
                        d.createdAt(), d.createdAt(),
                        d.accountIds().stream().map(id -> id.value()).toList())).toList());
        return server.connector(tenant).build();
    }
}
