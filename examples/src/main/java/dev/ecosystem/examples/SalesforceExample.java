package dev.ecosystem.examples;

import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.salesforce.SalesforceCrm;
import dev.ecosystem.spi.CrmChanges;
import dev.ecosystem.spi.ReauthorizationRequiredException;

/**
 * Connects a real Salesforce org by the OAuth 2.0 refresh-token flow and prints its first accounts and opportunities
 * and the size of its change feed's first batch. Needs a connected app's consumer key and secret and a refresh token
 * from the web-server flow (scopes {@code api refresh_token}):
 *
 * <pre>{@code
 * SALESFORCE_CLIENT_ID=3MVG9... SALESFORCE_CLIENT_SECRET=... SALESFORCE_REFRESH_TOKEN=5Aep861... \
 * SALESFORCE_LOGIN_URL=https://login.salesforce.com \
 *     ./mvnw -q -pl examples -am package -DskipTests exec:java -Dexec.mainClass=dev.ecosystem.examples.SalesforceExample
 * }</pre>
 *
 * Without them it says what is missing and exits with status 2; it is not part of the quickstart.
 */
public final class SalesforceExample {
    private SalesforceExample() {
    }

    /** Runs the example; exits with status 2 when the credentials are not set. */
    public static void main(String[] args) {
        String clientId = System.getenv("SALESFORCE_CLIENT_ID");
        String clientSecret = System.getenv("SALESFORCE_CLIENT_SECRET");
        String refreshToken = System.getenv("SALESFORCE_REFRESH_TOKEN");
        String loginUrl = System.getenv().getOrDefault("SALESFORCE_LOGIN_URL", "https://login.salesforce.com");
        if (blank(clientId) || blank(refreshToken)) {
            System.err.println("Skipped: set SALESFORCE_CLIENT_ID, SALESFORCE_REFRESH_TOKEN (and SALESFORCE_CLIENT_SECRET "
                    + "if the connected app requires it; SALESFORCE_LOGIN_URL for a sandbox or My Domain) to run this "
                    + "example against a real org.");
            System.exit(2);
        }
        SalesforceCrm crm = SalesforceCrm.builder()
                .tenant(CompanyId.of("example-tenant"))
                .loginUrl(loginUrl)
                .oauth(clientId, blank(clientSecret) ? null : clientSecret, refreshToken,
                        rotated -> System.out.println("Salesforce rotated the refresh token: store the new one "
                                + "(not printed) in place of SALESFORCE_REFRESH_TOKEN"))
                .build();
        try {
            Page<Account> accounts = crm.accounts(PageRequest.first(10));
            System.out.println("Connected " + crm);
            accounts.items().forEach(account -> System.out.println("account " + account.id() + "  " + account.name()
                    + (account.domain() == null ? "" : "  " + account.domain())
                    + (account.lifecycleStage() == null ? "" : "  (" + account.lifecycleStage() + ")")));
            Page<Deal> deals = crm.deals(PageRequest.first(10));
            deals.items().forEach(deal -> System.out.println("opportunity " + deal.id() + "  " + deal.name() + "  "
                    + deal.stage() + "  " + deal.status() + (deal.amount() == null ? "" : "  " + deal.amount())));
            CrmChanges changes = crm.changesSince(null, 200);
            System.out.println("Change feed, first batch: " + changes.accounts().size() + " accounts, "
                    + changes.deals().size() + " opportunities" + (changes.hasMore() ? ", more to follow" : ""));
        } catch (ReauthorizationRequiredException e) {
            System.err.println("Salesforce refused the refresh token: authorize the connected app again. "
                    + e.getMessage());
            System.exit(1);
        } catch (EcosystemException e) {
            System.err.println("Salesforce call failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
