package dev.ecosystem.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmFilesTest {
    private static final CompanyId TENANT = CompanyId.of("acme");
    private static final String ACCOUNTS_CSV = """
            id,name,domain,lifecycle_stage,updated_at,industry,employees
            101,Globex Ltd,https://www.Globex.co.uk/about,customer,2025-02-03T10:15:30Z,Retail,250
            102,Initech,,lead,,,
            """;
    private static final String DEALS_CSV = """
            id,name,account_ids,amount,currency,pipeline,stage,status,created_at,close_date,source
            d1,Globex - Annual,101|102,12000.50,usd,New Business,Closed Won,won,2025-01-10T09:00:00Z,2025-03-01,Partner
            d2,Initech - Pilot,102,,,,Discovery,OPEN,2025-06-01T12:00:00+02:00,,
            """;

    @Test
    void readAccounts_goodFile_givesAccountsWithExtraColumnsAsProperties() {
        List<Account> accounts = CrmFiles.readAccounts(TENANT, new StringReader(ACCOUNTS_CSV));

        assertThat(accounts).containsExactly(
                Account.builder(TENANT, AccountId.of("101"), "Globex Ltd")
                        .domain("https://www.Globex.co.uk/about")
                        .lifecycleStage("customer")
                        .updatedAt(Instant.parse("2025-02-03T10:15:30Z"))
                        .property("industry", "Retail")
                        .property("employees", "250")
                        .build(),
                Account.builder(TENANT, AccountId.of("102"), "Initech").lifecycleStage("lead").build());
    }

    @Test
    void readDeals_goodFile_givesDeals() {
        List<Deal> deals = CrmFiles.readDeals(TENANT, new StringReader(DEALS_CSV));

        assertThat(deals).containsExactly(
                Deal.builder(TENANT, DealId.of("d1"), "Globex - Annual")
                        .account(AccountId.of("101"))
                        .account(AccountId.of("102"))
                        .amount(Money.of("12000.50", "USD"))
                        .pipeline("New Business")
                        .stage("Closed Won", DealStatus.WON)
                        .createdAt(Instant.parse("2025-01-10T09:00:00Z"))
                        .closeDate(LocalDate.parse("2025-03-01"))
                        .property("source", "Partner")
                        .build(),
                Deal.builder(TENANT, DealId.of("d2"), "Initech - Pilot")
                        .account(AccountId.of("102"))
                        .stage("Discovery", DealStatus.OPEN)
                        .createdAt(Instant.parse("2025-06-01T10:00:00Z"))
                        .build());
    }

    @Test
    void readFromPaths_givesTheSameRecords(@TempDir Path dir) throws IOException {
        Path accounts = Files.writeString(dir.resolve("accounts.csv"), ACCOUNTS_CSV, StandardCharsets.UTF_8);
        Path deals = Files.writeString(dir.resolve("deals.csv"), DEALS_CSV, StandardCharsets.UTF_8);

        assertThat(CrmFiles.readAccounts(TENANT, accounts))
                .isEqualTo(CrmFiles.readAccounts(TENANT, new StringReader(ACCOUNTS_CSV)));
        assertThat(CrmFiles.readDeals(TENANT, deals))
                .isEqualTo(CrmFiles.readDeals(TENANT, new StringReader(DEALS_CSV)));
    }

    @Test
    void readAccounts_badInstant_namesFileLineColumnAndValue() {
        String csv = "id,name,updated_at\n1,Globex,2025-02-03\n";

        assertThatThrownBy(() -> CrmFiles.readAccounts(TENANT, new StringReader(csv)))
                .isExactlyInstanceOf(ValidationException.class)
                .hasMessage("accounts.csv line 2, column updated_at: must be an ISO-8601 instant such as "
                        + "2025-03-01T09:30:00Z, but was \"2025-02-03\"");
    }

    @Test
    void readAccounts_repeatedId_isRejected() {
        assertThatThrownBy(() -> CrmFiles.readAccounts(TENANT, new StringReader("id,name\n1,A\n2,B\n1,C\n")))
                .hasMessage("accounts.csv line 4, column id: account id \"1\" appears more than once; it is already "
                        + "on line 2");
    }

    @Test
    void readAccounts_missingName_isRejected() {
        assertThatThrownBy(() -> CrmFiles.readAccounts(TENANT, new StringReader("id,domain\n1,globex.com\n")))
                .hasMessageStartingWith("accounts.csv line 1: missing required column \"name\"");
    }

    @Test
    void readDeals_closedWithoutCloseDate_isRejectedAtCloseDate() {
        String csv = "id,name,stage,status,created_at,close_date\nd1,Deal,Closed Lost,lost,2025-01-01T00:00:00Z,\n";

        assertThatThrownBy(() -> CrmFiles.readDeals(TENANT, new StringReader(csv)))
                .hasMessage("deals.csv line 2, column close_date: deal closeDate is required when status is LOST "
                        + "(deal d1)");
    }

    @Test
    void readDeals_badValues_areEachReported() {
        String csv = """
                id,name,amount,currency,stage,status,created_at,close_date
                d1,Deal one,12k,USD,Won,WON,2025-01-01T00:00:00Z,2025-02-30
                d2,Deal two,100,dollars,Open,pending,yesterday,
                d3,Deal three,100,,Open,open,2025-01-01T00:00:00Z,
                """;

        assertThatThrownBy(() -> CrmFiles.readDeals(TENANT, new StringReader(csv)))
                .hasMessage(String.join("\n",
                        "deals.csv line 2, column amount: must be a decimal number such as 1200.50, but was \"12k\"",
                        "deals.csv line 2, column close_date: must be an ISO-8601 date such as 2025-03-31, but was "
                                + "\"2025-02-30\"",
                        "deals.csv line 3, column currency: currency must be an ISO 4217 code such as USD or EUR, "
                                + "but was \"dollars\"",
                        "deals.csv line 3, column status: must be one of OPEN, WON, LOST (in any case), but was "
                                + "\"pending\"",
                        "deals.csv line 3, column created_at: must be an ISO-8601 instant such as "
                                + "2025-03-01T09:30:00Z, but was \"yesterday\"",
                        "deals.csv line 4, column currency: a currency is required when there is an amount, but was "
                                + "empty"));
    }

    @Test
    void readDeals_blankStage_isRejectedAtStage() {
        String csv = "id,name,stage,status,created_at\nd1,Deal, ,open,2025-01-01T00:00:00Z\n";

        assertThatThrownBy(() -> CrmFiles.readDeals(TENANT, new StringReader(csv)))
                .hasMessage("deals.csv line 2, column stage: deal stage must not be blank, but was \"\"");
    }

    @Test
    void readDeals_extraColumns_becomePropertiesWhenNotEmpty() {
        String csv = "id,name,stage,status,created_at,region,owner\nd1,Deal,Open,open,2025-01-01T00:00:00Z,emea,\n";

        assertThat(CrmFiles.readDeals(TENANT, new StringReader(csv)).get(0).properties())
                .isEqualTo(Map.of("region", "emea"));
    }
}
