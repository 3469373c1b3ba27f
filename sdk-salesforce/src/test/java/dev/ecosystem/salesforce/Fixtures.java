package dev.ecosystem.salesforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Salesforce-shaped records for the fake org: 18-character ids, REST field names. */
final class Fixtures {
    static final Instant MODIFIED = Instant.parse("2026-05-01T08:00:00Z");

    private Fixtures() {
    }

    static String accountId(int n) {
        return String.format("001Wj%010dAAE", n);
    }

    static String opportunityId(int n) {
        return String.format("006Wj%010dAAF", n);
    }

    /**
     * {@code count} accounts whose {@code SystemModstamp}s fall on only {@code count / perStamp} distinct seconds, so
     * that pages break inside runs of equal timestamps.
     */
    static void accounts(FakeOrg org, int count, int perStamp) {
        for (int i = 1; i <= count; i++) {
            org.put("Account", account(i, MODIFIED.plusSeconds(i / perStamp)));
        }
    }

    static FakeOrg.Row account(int i, Instant stamp) {
        return new FakeOrg.Row(accountId(i), stamp).set("Name", "Account " + i)
                .set("Website", i % 10 == 0 ? null : "https://www.account-" + i + ".example.com")
                .set("BillingCountry", i % 2 == 0 ? "Germany" : "United States").set("OwnerId", "005Wj000001SwiUAAS")
                .set("Type", i % 3 == 0 ? "Customer - Direct" : "Prospect");
    }

    static void opportunities(FakeOrg org, int count, int accounts, int perStamp) {
        for (int i = 1; i <= count; i++) {
            org.put("Opportunity", opportunity(i, accounts, MODIFIED.plusSeconds(i / perStamp)));
        }
    }

    static FakeOrg.Row opportunity(int i, int accounts, Instant stamp) {
        boolean closed = i % 3 != 0;
        return new FakeOrg.Row(opportunityId(i), stamp).set("Name", "Opportunity " + i)
                .set("AccountId", accountId(1 + i % accounts))
                .set("Amount", i % 11 == 0 ? null : new BigDecimal(1000 + i + ".50"))
                .set("CurrencyIsoCode", i % 4 == 0 ? "EUR" : "USD")
                .set("StageName", closed ? (i % 2 == 0 ? "Closed Won" : "Closed Lost") : "Prospecting")
                .set("IsClosed", closed).set("IsWon", closed && i % 2 == 0)
                .set("CloseDate", LocalDate.of(2026, 1 + i % 12, 1 + i % 28).toString())
                .set("CreatedDate", Instant.parse("2025-06-01T00:00:00Z").plusSeconds(i * 60L));
    }
}
