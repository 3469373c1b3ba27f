package dev.ecosystem.examples;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.hubspot.HubSpotCrm;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CrmConnections;
import dev.ecosystem.spi.CrmConnector;

/**
 * Connects one tenant's HubSpot portal and prints its first accounts. Needs a private app token or Service Key with
 * the {@code crm.objects.companies.read} and {@code crm.objects.deals.read} scopes in {@code HUBSPOT_TOKEN}:
 *
 * <pre>{@code
 * HUBSPOT_TOKEN=pat-... ./mvnw -q -pl examples -am package -DskipTests \
 *     exec:java -Dexec.mainClass=dev.ecosystem.examples.HubSpotExample
 * }</pre>
 */
public final class HubSpotExample {
    private HubSpotExample() {
    }

    /** Runs the example; exits with status 2 when {@code HUBSPOT_TOKEN} is not set. */
    public static void main(String[] args) {
        String token = System.getenv("HUBSPOT_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("Set HUBSPOT_TOKEN to a HubSpot private app token or Service Key "
                    + "(scopes crm.objects.companies.read, crm.objects.deals.read) to run this example.");
            System.exit(2);
        }
        CompanyId tenant = CompanyId.of("example-tenant");
        // A host would look up each tenant's credentials here, typically from its secret store.
        CrmConnections crms = company -> HubSpotCrm.create(company, token);
        EcosystemClient client = EcosystemClient.builder().crm(crms).build();

        CrmConnector crm = crms.forTenant(tenant);
        try {
            Page<Account> page = crm.accounts(PageRequest.first(10));
            System.out.println("Connected " + crm + " for " + client.getClass().getSimpleName());
            page.items().forEach(account -> System.out.println(account.id() + "  " + account.name()
                    + (account.domain() == null ? "" : "  " + account.domain())));
            System.out.println(page.hasNext() ? "... more accounts follow" : "(all accounts shown)");
        } catch (EcosystemException e) {
            System.err.println("HubSpot call failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
