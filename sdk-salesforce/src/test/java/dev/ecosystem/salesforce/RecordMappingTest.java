package dev.ecosystem.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One mapping for REST records and Bulk API 2.0 CSV rows: values by field name, as text. */
class RecordMappingTest {
    private final RecordMapping mapping = new RecordMapping(CompanyId.of("acme"), List.of("Partner_Tier__c"),
            List.of("NextStep"), List.of("Partner_Account__c"));

    @Test
    void csvRow_mapsLikeARestRecord() {
        // A Bulk API 2.0 CSV row: every value is text, dateTimes in ISO form with Z, nulls as empty values.
        Map<String, String> row = new HashMap<>(Map.of("Id", "001Wj00000AbCd1AAE", "Name", "Northwind\nTraders",
                "Website", "https://www.northwind.com", "Type", "Customer - Channel", "BillingCountry", "",
                "Partner_Tier__c", "Gold", "SystemModstamp", "2026-05-01T08:00:00.000Z"));

        Account account = mapping.account(field -> blankToNull(row.get(field)));

        assertThat(account.name()).isEqualTo("Northwind Traders");
        assertThat(account.domain()).isEqualTo("https://www.northwind.com");
        assertThat(account.lifecycleStage()).isEqualTo("customer");
        assertThat(account.properties()).containsEntry("Partner_Tier__c", "Gold").doesNotContainKey("BillingCountry");
        assertThat(account.updatedAt()).isEqualTo(Instant.parse("2026-05-01T08:00:00Z"));
    }

    @Test
    void opportunityRow_mapsStatusAmountCurrencyAndAccounts() {
        Map<String, String> row = Map.of("Id", "006Wj00000XyZ01AAE", "Name", "Contoso renewal", "AccountId",
                "001Wj00000AbCd2AAE", "Partner_Account__c", "001Wj00000AbCd9AAE", "Amount", "1.25E+4", "StageName",
                "Closed Won", "IsClosed", "true", "IsWon", "true", "CloseDate", "2026-03-31",
                "CreatedDate", "2026-01-15T10:30:00.000+0000");

        Deal deal = mapping.deal(row::get, Currency.getInstance("EUR"));

        assertThat(deal.status()).isEqualTo(DealStatus.WON);
        assertThat(deal.amount().amount()).isEqualByComparingTo("12500");
        assertThat(deal.amount().currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(deal.closeDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(deal.createdAt()).isEqualTo(Instant.parse("2026-01-15T10:30:00Z"));
        assertThat(deal.accountIds()).containsExactly(AccountId.of("001Wj00000AbCd2AAE"),
                AccountId.of("001Wj00000AbCd9AAE"));
        assertThat(mapping.opportunityFields(false)).doesNotContain("CurrencyIsoCode").contains("Partner_Account__c",
                "NextStep");
        assertThat(mapping.opportunityFields(true)).endsWith("CurrencyIsoCode");
    }

    @Test
    void fieldNamesThatCouldInjectSoql_areRefused() {
        assertThatThrownBy(() -> new RecordMapping(CompanyId.of("acme"), List.of("Name FROM User --"), List.of(),
                List.of())).isInstanceOf(ValidationException.class).hasMessageContaining("field API names");
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
