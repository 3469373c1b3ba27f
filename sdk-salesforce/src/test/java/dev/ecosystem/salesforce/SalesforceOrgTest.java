package dev.ecosystem.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.PageRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mapping in multi-currency and single-currency orgs, custom fields, and idempotent write-back. */
class SalesforceOrgTest extends OrgTestSupport {

    @BeforeEach
    void load() {
        server.reset();
        Fixtures.accounts(server.org, 20, 5);
        Fixtures.opportunities(server.org, 12, 20, 5);
    }

    @Test
    void multiCurrencyOrg_readsEachOpportunitysCurrencyIsoCode() {
        server.org.defaultCurrency = "GBP";
        Map<String, Deal> deals = deals(server.connector(TENANT).build());

        assertThat(deals.get(Fixtures.opportunityId(4)).amount().currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(deals.get(Fixtures.opportunityId(5)).amount().currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(server.org.calls(call -> call.soql() != null && call.soql().contains(", CurrencyIsoCode")))
                .isPositive();
    }

    @Test
    void singleCurrencyOrg_neverAsksForCurrencyIsoCode_andUsesTheOrgsDefault() {
        server.org.multiCurrency = false;
        server.org.defaultCurrency = "GBP";
        Map<String, Deal> deals = deals(server.connector(TENANT).build());

        assertThat(deals.values()).filteredOn(deal -> deal.amount() != null)
                .allMatch(deal -> deal.amount().currency().getCurrencyCode().equals("GBP"));
        assertThat(server.org.calls(call -> call.soql() != null && call.soql().contains(", CurrencyIsoCode")))
                .isZero();
    }

    @Test
    void opportunities_mapAmountStatusDatesAndAccount() {
        Map<String, Deal> deals = deals(server.connector(TENANT).build());

        Deal won = deals.get(Fixtures.opportunityId(2));
        assertThat(won.status()).isEqualTo(DealStatus.WON);
        assertThat(won.stage()).isEqualTo("Closed Won");
        assertThat(won.amount().amount()).isEqualByComparingTo("1002.50");
        assertThat(won.closeDate()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(won.accountIds()).containsExactly(AccountId.of(Fixtures.accountId(3)));
        assertThat(deals.get(Fixtures.opportunityId(1)).status()).isEqualTo(DealStatus.LOST);
        assertThat(deals.get(Fixtures.opportunityId(3)).status()).isEqualTo(DealStatus.OPEN);
        assertThat(deals.get(Fixtures.opportunityId(11)).amount()).as("Amount is nullable").isNull();
    }

    @Test
    void accounts_mapWebsiteTypeCountryOwnerAndCustomFields() {
        server.org.put("Account", Fixtures.account(3, Fixtures.MODIFIED).set("Partner_Tier__c", "Gold"));
        SalesforceCrm crm = server.connector(TENANT).accountFields("Partner_Tier__c").build();

        Account account = crm.accounts(PageRequest.first(100)).items().stream()
                .filter(a -> a.id().value().equals(Fixtures.accountId(3))).findFirst().orElseThrow();

        assertThat(account.domain()).isEqualTo("https://www.account-3.example.com");
        assertThat(account.lifecycleStage()).isEqualTo("customer");
        assertThat(account.properties()).containsEntry("Partner_Tier__c", "Gold")
                .containsEntry("BillingCountry", "United States").containsEntry("Type", "Customer - Direct")
                .containsEntry("OwnerId", "005Wj000001SwiUAAS");
        assertThat(account.updatedAt()).isEqualTo(Fixtures.MODIFIED);
    }

    @Test
    void recordPartnerSource_setsTheField_onceOnly() {
        SalesforceCrm crm = server.connector(TENANT).partnerSourceField("Partner_Source__c").build();
        DealId deal = DealId.of(Fixtures.opportunityId(7));

        crm.recordPartnerSource(deal, CompanyId.of("globex"), "Globex");
        crm.recordPartnerSource(deal, CompanyId.of("globex"), "Globex");

        assertThat(server.org.get("Opportunity", deal.value()).values).containsEntry("Partner_Source__c", "Globex");
        assertThat(server.org.calls(call -> call.method().equals("PATCH"))).isEqualTo(1);
        assertThatThrownBy(() -> crm.recordPartnerSource(DealId.of("006Wj0000099999AAF"), CompanyId.of("g"), "G"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.recordPartnerSource(DealId.of("x' OR Id != '"), CompanyId.of("g"), "G"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("record id");
    }

    @Test
    void logIntroduction_createsOneTask_evenWhenRepeatedOrRetried() {
        SalesforceCrm crm = server.connector(TENANT).partnerSourceField("Partner_Source__c").build();
        AccountId account = AccountId.of(Fixtures.accountId(4));

        crm.logIntroduction(account, "Introduced Ada (Globex) to Grace (Acme) on 2026-06-01");
        server.org.failEvery(2);
        crm.logIntroduction(account, "Introduced Ada (Globex) to Grace (Acme) on 2026-06-01");
        crm.logIntroduction(account, "Introduced Ada (Globex) to Linus (Acme) on 2026-06-02");

        List<FakeOrg.Row> tasks = server.org.rows("Task");
        assertThat(tasks).hasSize(2);
        assertThat(tasks).allMatch(task -> task.values.get("WhatId").equals(account.value())
                && task.values.get("Status").equals("Completed")
                && task.values.get("Subject").toString().startsWith("Partner introduction [eco:"));
    }

    @Test
    void withoutAPartnerSourceField_writeBackIsOffAndSaysSo() {
        SalesforceCrm crm = server.connector(TENANT).build();

        assertThat(crm.supportsWriteBack()).isFalse();
        assertThatThrownBy(() -> crm.logIntroduction(AccountId.of(Fixtures.accountId(1)), "note"))
                .hasMessageContaining("write-back");
    }

    private static Map<String, Deal> deals(SalesforceCrm crm) {
        return crm.deals(PageRequest.first(100)).items().stream()
                .collect(Collectors.toMap(deal -> deal.id().value(), Function.identity()));
    }
}
