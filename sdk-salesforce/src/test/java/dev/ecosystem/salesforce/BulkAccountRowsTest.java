package dev.ecosystem.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.ProviderException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BulkAccountRowsTest {
    private static final CompanyId TENANT = CompanyId.of("acme");
    private static final String HEADER =
            "\"Id\",\"Name\",\"Website\",\"BillingCountry\",\"OwnerId\",\"Type\",\"SystemModstamp\"\n";

    private final BulkAccountRows accounts = new BulkAccountRows(TENANT, List.of());

    @Test
    @DisplayName("An Account row maps to an account of the tenant with its name, website, type and properties")
    void accountRow_mapsToAnAccount() throws IOException {
        List<Account> mapped = map(accounts, HEADER + "\"001R00000012345AAA\",\"Acme, Inc.\",\"https://acme.com\","
                + "\"Germany\",\"005R0000000GiwjIAC\",\"Customer - Direct\",\"2026-11-30T08:15:00.000Z\"\n");

        assertThat(mapped).containsExactly(Account.builder(TENANT, AccountId.of("001R00000012345AAA"), "Acme, Inc.")
                .domain("https://acme.com")
                .lifecycleStage("customer")
                .property("BillingCountry", "Germany")
                .property("OwnerId", "005R0000000GiwjIAC")
                .property("Type", "Customer - Direct")
                .updatedAt(Instant.parse("2026-11-30T08:15:00Z"))
                .build());
    }

    @Test
    @DisplayName("Blank and null fields are absent; a missing name falls back to the id; a multi-line name becomes "
            + "one line")
    void blanksAndOddNames() throws IOException {
        List<Account> mapped = map(accounts, HEADER
                + "\"001A\",,,,\"005A\",,\n"
                + "\"001B\",\"  \",\"\",\"\",\"005A\",\"Prospect\",\"\"\n"
                + "\"001C\",\"North\nWind \"\"Traders\"\"\",\"  nw.example  \",\"US\",\"005B\",\"Channel Partner / "
                + "Reseller\",\"2026-11-30T08:15:00.000+0000\"\n");

        assertThat(mapped.get(0).name()).isEqualTo("Salesforce account 001A");
        assertThat(mapped.get(0).domain()).isNull();
        assertThat(mapped.get(0).lifecycleStage()).isNull();
        assertThat(mapped.get(0).updatedAt()).isNull();
        assertThat(mapped.get(0).properties()).isEqualTo(Map.of("OwnerId", "005A"));
        assertThat(mapped.get(1).name()).isEqualTo("Salesforce account 001B");
        assertThat(mapped.get(1).lifecycleStage()).isEqualTo("Prospect");
        assertThat(mapped.get(2).name()).isEqualTo("North Wind \"Traders\"");
        assertThat(mapped.get(2).domain()).isEqualTo("nw.example");
        assertThat(mapped.get(2).lifecycleStage()).isEqualTo("Channel Partner / Reseller");
        assertThat(mapped.get(2).updatedAt()).isEqualTo(Instant.parse("2026-11-30T08:15:00Z"));
    }

    @Test
    @DisplayName("Columns are found by name, whatever their order, and custom fields become properties")
    void columnsByName_andCustomFields() throws IOException {
        BulkAccountRows custom = new BulkAccountRows(TENANT, List.of("Partner_Tier__c", "Name"));
        assertThat(custom.soql()).isEqualTo("SELECT Id, Name, Website, BillingCountry, OwnerId, Type, "
                + "SystemModstamp, Partner_Tier__c FROM Account");

        List<Account> mapped = map(custom,
                "Partner_Tier__c,Type,SystemModstamp,OwnerId,BillingCountry,Website,Name,Id\n"
                + "Gold,,,005A,,,Zeta,001Z\n"
                + ",,,005A,,,Eta,001E\n");

        assertThat(mapped.get(0).properties()).containsEntry("Partner_Tier__c", "Gold");
        assertThat(mapped.get(0).name()).isEqualTo("Zeta");
        assertThat(mapped.get(1).properties()).doesNotContainKey("Partner_Tier__c");
        assertThat(mapped.get(1).id()).isEqualTo(AccountId.of("001E"));
    }

    @Test
    @DisplayName("Values that repeat across accounts (owner, country, type) are shared, not copied per account")
    void repeatedValues_areShared() throws IOException {
        List<Account> mapped = map(accounts, HEADER + "\"001A\",\"A\",,\"France\",\"005A\",\"Prospect\",\n"
                + "\"001B\",\"B\",,\"France\",\"005A\",\"Prospect\",\n");

        assertThat(mapped.get(0).properties().get("OwnerId")).isSameAs(mapped.get(1).properties().get("OwnerId"));
        assertThat(mapped.get(0).properties().get("BillingCountry"))
                .isSameAs(mapped.get(1).properties().get("BillingCountry"));
    }

    @Test
    @DisplayName("A page without a selected column, or a row without an Id, is a ProviderException that quotes no "
            + "record data")
    void missingColumnOrId_fails() {
        assertThatThrownBy(() -> map(accounts, "Id,Name\n001A,Acme\n"))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("lacks the selected field Website");
        assertThatThrownBy(() -> map(accounts, HEADER + ",\"Secret Corp\",,,,,\n"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("row 1 of an Account result page has no Id");
    }

    @Test
    @DisplayName("SystemModstamp reads in the CSV form and the REST form; anything else is absent")
    void systemModstamp_forms() {
        assertThat(BulkAccountRows.instant("2026-02-28T23:59:58.123Z", "001A"))
                .isEqualTo(Instant.parse("2026-02-28T23:59:58.123Z"));
        assertThat(BulkAccountRows.instant("2026-02-28T23:59:58.123+0000", "001A"))
                .isEqualTo(Instant.parse("2026-02-28T23:59:58.123Z"));
        assertThat(BulkAccountRows.instant("2026-02-28T23:59:58Z", "001A"))
                .isEqualTo(Instant.parse("2026-02-28T23:59:58Z"));
        assertThat(BulkAccountRows.instant("2026-13-28T23:59:58.123Z", "001A")).isNull();
        assertThat(BulkAccountRows.instant("2026-02-30T23:59:58.123Z", "001A")).isNull();
        assertThat(BulkAccountRows.instant("2026-0x-28T23:59:58.123Z", "001A")).isNull();
        assertThat(BulkAccountRows.instant("yesterday", "001A")).isNull();
    }

    @Test
    @DisplayName("A custom field that is not a field API name is refused with the value")
    void badCustomField_isRefused() {
        assertThatThrownBy(() -> new BulkAccountRows(TENANT, List.of("Tier__c, (SELECT Id FROM Contacts)")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("customFields must be Salesforce field API names")
                .hasMessageContaining("Tier__c, (SELECT Id FROM Contacts)");
    }

    private static List<Account> map(BulkAccountRows mapping, String csv) throws IOException {
        List<Account> out = new ArrayList<>();
        BulkRowSink sink = mapping.sink(out::add);
        try (BulkCsvRows rows = BulkCsvRows.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            while (rows.next()) {
                sink.row(rows.row());
            }
        }
        return out;
    }
}
