package dev.ecosystem.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecosystem.EcosystemClient;
import dev.ecosystem.TenantScope;
import dev.ecosystem.hubspot.HubSpotCrm;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.salesforce.SalesforceCrm;
import dev.ecosystem.spi.CrmConnector;
import java.util.List;

/**
 * Account mapping between a tenant on HubSpot and a tenant on Salesforce, the common case: both CRMs are served from
 * stubbed APIs (an in-process WireMock server answering in each provider's documented shapes), each tenant syncs its
 * CRM through its own connector, and each sees the population matrix the other's sharing policy allows. Needs no
 * network and no credentials:
 *
 * <pre>{@code
 * ./mvnw -q -pl examples -am package -DskipTests exec:java \
 *     -Dexec.mainClass=dev.ecosystem.examples.HubSpotSalesforceMappingExample
 * }</pre>
 */
public final class HubSpotSalesforceMappingExample {
    static final CompanyId MAILPULSE = CompanyId.of("mailpulse");   // keeps its accounts in HubSpot
    static final CompanyId LEDGERWORKS = CompanyId.of("ledgerworks"); // keeps its accounts in Salesforce
    private static final String SF_DATA = "/services/data/v62.0/";

    private HubSpotSalesforceMappingExample() {
    }

    /** Runs the example on the stubbed CRMs. */
    public static void main(String[] args) {
        WireMockServer crms = new WireMockServer(options().dynamicPort().disableRequestJournal());
        crms.start();
        try {
            stubHubSpot(crms);
            stubSalesforce(crms);
            run(crms.baseUrl());
        } finally {
            crms.stop();
        }
    }

    static void run(String baseUrl) {
        CrmConnector hubspot = HubSpotCrm.builder().tenant(MAILPULSE).accessToken("pat-na1-example")
                .baseUrl(baseUrl).build();
        CrmConnector salesforce = SalesforceCrm.builder().tenant(LEDGERWORKS).loginUrl(baseUrl)
                .oauth("3MVG9example", "example-secret", "5Aep861example", rotated -> { }).build();
        EcosystemClient client = EcosystemClient.builder()
                .crm(tenant -> tenant.equals(MAILPULSE) ? hubspot : salesforce)
                .build();
        client.register(Company.builder(MAILPULSE, "Mailpulse").webDomain("mailpulse.example")
                .businessTags("email-marketing").listed(true).build());
        client.register(Company.builder(LEDGERWORKS, "Ledgerworks").webDomain("ledgerworks.example")
                .businessTags("accounting").listed(true).build());
        TenantScope mailpulse = client.as(MAILPULSE);
        TenantScope ledgerworks = client.as(LEDGERWORKS);
        mailpulse.partnerships().create(LEDGERWORKS, PartnerType.TECHNOLOGY, PartnershipStatus.ACTIVE);
        ledgerworks.partnerships().create(MAILPULSE, PartnerType.TECHNOLOGY, PartnershipStatus.ACTIVE);

        System.out.println("Mailpulse synced its HubSpot portal: " + mailpulse.overlaps().syncCrm());
        System.out.println("Ledgerworks synced its Salesforce org: " + ledgerworks.overlaps().syncCrm());

        SharingPolicy shareCustomers = SharingPolicy.builder()
                .records(Population.CUSTOMERS, "name", "domain")
                .records(Population.OPEN_OPPORTUNITIES, "name", "domain")
                .counts(Population.PROSPECTS)
                .build();
        mailpulse.overlaps().shareWith(LEDGERWORKS, shareCustomers);
        ledgerworks.overlaps().shareWith(MAILPULSE, shareCustomers);
        System.out.println("\n== Mailpulse (HubSpot) x Ledgerworks (Salesforce), as Ledgerworks shares ==");
        System.out.println(mailpulse.overlaps().matrix(LEDGERWORKS).render());
        System.out.println("\n== Ledgerworks (Salesforce) x Mailpulse (HubSpot), as Mailpulse shares ==");
        System.out.println(ledgerworks.overlaps().matrix(MAILPULSE).render());
    }

    /** HubSpot's CRM v3 list endpoints: eight companies (bare domains), no deals. */
    private static void stubHubSpot(WireMockServer server) {
        List<String[]> companies = List.of(
                new String[] {"101", "Northwind Traders", "northwind.com", "customer"},
                new String[] {"102", "Contoso Ltd", "contoso.com", "customer"},
                new String[] {"103", "Fabrikam", "fabrikam.com", "opportunity"},
                new String[] {"104", "Tailspin Toys", "tailspin.com", "customer"},
                new String[] {"105", "Wide World Importers", "wideworld.com", "lead"},
                new String[] {"106", "Adventure Works", "adventure-works.com", "customer"},
                new String[] {"107", "Litware", "litware.com", "lead"},
                new String[] {"108", "Proseware", "proseware.com", "customer"});
        StringBuilder results = new StringBuilder();
        for (String[] c : companies) {
            results.append(results.length() == 0 ? "" : ",").append("{\"id\":\"").append(c[0])
                    .append("\",\"properties\":{\"name\":\"").append(c[1]).append("\",\"domain\":\"").append(c[2])
                    .append("\",\"lifecyclestage\":\"").append(c[3])
                    .append("\",\"hs_lastmodifieddate\":\"2026-05-01T08:00:00Z\"},")
                    .append("\"createdAt\":\"2025-01-10T09:00:00Z\",\"updatedAt\":\"2026-05-01T08:00:00Z\"}");
        }
        server.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies"))
                .willReturn(okJson("{\"results\":[" + results + "]}")));
        server.stubFor(get(urlPathEqualTo("/crm/v3/objects/deals")).willReturn(okJson("{\"results\":[]}")));
    }

    /**
     * Salesforce: the token endpoint (instance_url is this server), REST SOQL for Account, Opportunity and
     * Organization, the Opportunity describe of a single-currency org; Website is free text (URLs, bare domains).
     */
    private static void stubSalesforce(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/services/oauth2/token")).willReturn(okJson(
                "{\"access_token\":\"00Dxx0000001gPL!AQ0AQexample\",\"instance_url\":\"" + server.baseUrl()
                        + "\",\"id\":\"https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS\","
                        + "\"token_type\":\"Bearer\",\"issued_at\":\"1780300800000\","
                        + "\"signature\":\"CMJ4l+CCaPQiKjoOEwEig9H4wqhpuLSk4J2urAe+fVg=\"}")));
        List<String[]> accounts = List.of(
                new String[] {"001Wj00000AbCd1AAE", "Northwind Traders Inc.", "https://www.northwind.com", "Customer - Direct"},
                new String[] {"001Wj00000AbCd2AAE", "Contoso", "contoso.com", "Prospect"},
                new String[] {"001Wj00000AbCd3AAE", "Fabrikam, Inc.", "http://fabrikam.com/", "Customer - Channel"},
                new String[] {"001Wj00000AbCd4AAE", "Tailspin Toys", "www.tailspin.com", "Prospect"},
                new String[] {"001Wj00000AbCd5AAE", "Blue Yonder Airlines", "blueyonder.com", "Customer - Direct"},
                new String[] {"001Wj00000AbCd6AAE", "Adventure Works Cycles", "https://adventure-works.com", "Customer - Direct"});
        StringBuilder records = new StringBuilder();
        for (String[] a : accounts) {
            records.append(records.length() == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Account\"},")
                    .append("\"Id\":\"").append(a[0]).append("\",\"Name\":\"").append(a[1]).append("\",\"Website\":\"")
                    .append(a[2]).append("\",\"BillingCountry\":\"Germany\",\"OwnerId\":\"005Wj000001SwiUAAS\",")
                    .append("\"Type\":\"").append(a[3]).append("\",\"SystemModstamp\":\"2026-05-01T08:00:00.000+0000\"}");
        }
        query(server, "SELECT .* FROM Account ORDER BY Id LIMIT \\d+", accounts.size(), records.toString());
        String opportunities = opportunity("006Wj00000XyZ01AAE", "Contoso - Finance Suite", "001Wj00000AbCd2AAE",
                "48000", "Negotiation/Review") + "," + opportunity("006Wj00000XyZ02AAE", "Tailspin - Payroll",
                "001Wj00000AbCd4AAE", "12500", "Prospecting");
        query(server, "SELECT .* FROM Opportunity ORDER BY Id LIMIT \\d+", 2, opportunities);
        query(server, "SELECT DefaultCurrencyIsoCode FROM Organization", 1,
                "{\"attributes\":{\"type\":\"Organization\"},\"DefaultCurrencyIsoCode\":\"EUR\"}");
        server.stubFor(get(urlPathEqualTo(SF_DATA + "sobjects/Opportunity/describe")).willReturn(okJson(
                "{\"name\":\"Opportunity\",\"fields\":[{\"name\":\"Id\"},{\"name\":\"AccountId\"},{\"name\":\"Amount\"},"
                        + "{\"name\":\"StageName\"},{\"name\":\"IsClosed\"},{\"name\":\"IsWon\"}]}")));
        // Anything else (the change feed's keyset queries, later pages) is empty in this snapshot.
        server.stubFor(get(urlPathMatching(SF_DATA + "query(All)?")).atPriority(10)
                .willReturn(okJson("{\"totalSize\":0,\"done\":true,\"records\":[]}")));
    }

    private static String opportunity(String id, String name, String account, String amount, String stage) {
        return "{\"attributes\":{\"type\":\"Opportunity\"},\"Id\":\"" + id + "\",\"Name\":\"" + name
                + "\",\"AccountId\":\"" + account + "\",\"Amount\":" + amount + ",\"StageName\":\"" + stage
                + "\",\"IsClosed\":false,\"IsWon\":false,\"CloseDate\":\"2026-09-30\","
                + "\"CreatedDate\":\"2026-04-02T10:00:00.000+0000\",\"SystemModstamp\":\"2026-05-01T08:00:00.000+0000\"}";
    }

    private static void query(WireMockServer server, String soql, int total, String records) {
        server.stubFor(get(urlPathEqualTo(SF_DATA + "query")).atPriority(1)
                .withQueryParam("q", matching(soql))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8")
                        .withHeader("Sforce-Limit-Info", "api-usage=18/15000")
                        .withBody("{\"totalSize\":" + total + ",\"done\":true,\"records\":[" + records + "]}")));
    }
}
