package dev.ecosystem.salesforce;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one Salesforce row into the SDK's {@link Account} or {@link Deal}, whatever it was read from: a REST query
 * record (JSON) or a Bulk API 2.0 CSV row. Both hand their values over by field name as text through {@link Fields},
 * so the one mapping serves both readers. Parsing is lenient where Salesforce data is free text (a value that does not
 * parse is treated as absent, logged without the value, which is CRM data).
 *
 * <p>Accounts: {@code Name}, {@code Website} (the domain, as entered), {@code Type} (the lifecycle stage: Salesforce's
 * two customer types read as {@code customer}), {@code BillingCountry}, {@code OwnerId}, {@code Type} and the
 * configured custom fields as properties. Opportunities: {@code Amount} (nullable) in {@code CurrencyIsoCode} where
 * the org has multiple currencies, in the org's default currency otherwise; {@code StageName} with {@code IsClosed}
 * and {@code IsWon} for the status; {@code CloseDate}; {@code CreatedDate}; the account from {@code AccountId} and the
 * configured further account lookup fields.
 */
final class RecordMapping {
    private static final Logger LOG = LoggerFactory.getLogger(RecordMapping.class);
    /** A field's API name: letters, digits and underscores, custom ones ending in {@code __c}. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
    /** REST's dateTime form ({@code 2024-01-15T10:30:00.000+0000}); CSV results use ISO with {@code Z}. */
    private static final DateTimeFormatter REST_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");

    static final List<String> ACCOUNT_FIELDS =
            List.of("Id", "Name", "Website", "BillingCountry", "OwnerId", "Type", "SystemModstamp");
    static final List<String> OPPORTUNITY_FIELDS = List.of("Id", "Name", "AccountId", "Amount", "StageName",
            "IsClosed", "IsWon", "CloseDate", "CreatedDate", "SystemModstamp");
    static final String CURRENCY_FIELD = "CurrencyIsoCode";

    /** A row's values by field name, as text; {@code null} for a null, absent or blank value. */
    @FunctionalInterface
    interface Fields {
        @Nullable String get(String field);
    }

    private final CompanyId tenant;
    private final List<String> accountCustomFields;
    private final List<String> opportunityCustomFields;
    private final List<String> accountLookups;

    /**
     * Creates a mapping.
     *
     * @param accountCustomFields further Account fields kept as properties, such as {@code Partner_Tier__c}
     * @param opportunityCustomFields further Opportunity fields kept as properties
     * @param accountLookups further Opportunity fields holding an account id (besides {@code AccountId})
     */
    RecordMapping(CompanyId tenant, List<String> accountCustomFields, List<String> opportunityCustomFields,
            List<String> accountLookups) {
        this.tenant = Checks.required(tenant, "tenant");
        this.accountCustomFields = extra(accountCustomFields, ACCOUNT_FIELDS, "accountFields");
        this.opportunityCustomFields = extra(opportunityCustomFields, OPPORTUNITY_FIELDS, "opportunityFields");
        this.accountLookups = extra(accountLookups, List.of("AccountId"), "opportunityAccountLookups");
    }

    /** Validates a field's API name, for the builder and this mapping. */
    static String fieldName(@Nullable String field, String setting) {
        if (field == null || !FIELD_NAME.matcher(field).matches()) {
            throw new ValidationException(setting + " must be Salesforce field API names (letters, digits, "
                    + "underscores, such as Partner_Tier__c), but had " + Checks.quote(field));
        }
        return field;
    }

    /** The Account fields to select: ours, then the custom ones. */
    List<String> accountFields() {
        return union(ACCOUNT_FIELDS, accountCustomFields);
    }

    /** The Opportunity fields to select; {@code CurrencyIsoCode} only when the org has multiple currencies. */
    List<String> opportunityFields(boolean multiCurrency) {
        List<String> fields = union(OPPORTUNITY_FIELDS, accountLookups);
        fields.addAll(opportunityCustomFields);
        if (multiCurrency) {
            fields.add(CURRENCY_FIELD);
        }
        return new ArrayList<>(new LinkedHashSet<>(fields));
    }

    Account account(Fields row) {
        String id = id(row, "Account");
        String name = text(row.get("Name"));
        String single = name == null ? null : singleLine(name);
        String type = text(row.get("Type"));
        Account.Builder account = Account.builder(tenant, AccountId.of(id),
                        single == null || single.isEmpty() ? "Salesforce account " + id : single)
                .domain(text(row.get("Website")))
                .lifecycleStage(stage(type))
                .updatedAt(instant(row.get("SystemModstamp"), id));
        property(account, "BillingCountry", row.get("BillingCountry"));
        property(account, "OwnerId", row.get("OwnerId"));
        property(account, "Type", type);
        for (String field : accountCustomFields) {
            property(account, field, row.get(field));
        }
        return account.build();
    }

    /**
     * An opportunity.
     *
     * @param orgCurrency the org's default currency, for single-currency orgs and rows without a currency
     */
    Deal deal(Fields row, Currency orgCurrency) {
        String id = id(row, "Opportunity");
        String name = text(row.get("Name"));
        String single = name == null ? null : singleLine(name);
        Deal.Builder deal = Deal.builder(tenant, DealId.of(id),
                single == null || single.isEmpty() ? "Salesforce opportunity " + id : single);
        String accountId = text(row.get("AccountId"));
        if (accountId != null) {
            deal.account(AccountId.of(accountId));
        }
        for (String lookup : accountLookups) {
            String other = text(row.get(lookup));
            if (other != null) {
                deal.account(AccountId.of(other));
            }
        }
        boolean closed = "true".equalsIgnoreCase(text(row.get("IsClosed")));
        boolean won = "true".equalsIgnoreCase(text(row.get("IsWon")));
        DealStatus status = !closed ? DealStatus.OPEN : won ? DealStatus.WON : DealStatus.LOST;
        Instant created = instant(row.get("CreatedDate"), id);
        Instant modified = instant(row.get("SystemModstamp"), id);
        LocalDate closeDate = date(row.get("CloseDate"), id);
        if (status != DealStatus.OPEN && closeDate == null) {
            // CloseDate is required in Salesforce; should a row lack it, the last change is when it closed.
            Instant last = modified != null ? modified : created;
            closeDate = last == null ? null : LocalDate.ofInstant(last, java.time.ZoneOffset.UTC);
        }
        String stage = text(row.get("StageName"));
        deal.amount(amount(row, id, orgCurrency))
                .stage(stage == null ? "unknown" : stage, status)
                .createdAt(created != null ? created : modified != null ? modified : Instant.EPOCH)
                .closeDate(closeDate);
        for (String field : opportunityCustomFields) {
            String value = text(row.get(field));
            if (value != null) {
                deal.property(field, value);
            }
        }
        return deal.build();
    }

    private static @Nullable Money amount(Fields row, String id, Currency orgCurrency) {
        String amount = text(row.get("Amount"));
        if (amount == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            LOG.warn("opportunity {} has an Amount that is not a number; reading it as no amount", id);
            return null;
        }
        String code = text(row.get(CURRENCY_FIELD));
        Currency currency = orgCurrency;
        if (code != null) {
            try {
                currency = Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                LOG.warn("opportunity {} has a CurrencyIsoCode that is not ISO 4217; using the org's default", id);
            }
        }
        return new Money(value, currency);
    }

    /** Salesforce's customer types ({@code Customer - Direct}, {@code Customer - Channel}) read as customers. */
    static @Nullable String stage(@Nullable String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String stripped = type.strip();
        return stripped.regionMatches(true, 0, "Customer", 0, 8) ? "customer" : stripped;
    }

    /** Parses a dateTime in the CSV form ({@code 2024-01-15T10:30:00.000Z}) or the REST form ({@code +0000}). */
    static @Nullable Instant instant(@Nullable String value, String recordId) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text, REST_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            LOG.warn("record {} has a dateTime that does not parse; reading it as absent", recordId);
            return null;
        }
    }

    private static @Nullable LocalDate date(@Nullable String value, String recordId) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeException e) {
            LOG.warn("record {} has a date that does not parse; reading it as absent", recordId);
            return null;
        }
    }

    private static String id(Fields row, String object) {
        String id = text(row.get("Id"));
        if (id == null) {
            throw new dev.ecosystem.spi.ProviderException(RestTransport.PROVIDER, 200, null, false,
                    "a " + object + " row has no Id", null);
        }
        return id;
    }

    private static void property(Account.Builder account, String name, @Nullable String value) {
        String text = text(value);
        if (text != null) {
            account.property(name, text);
        }
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Names are single-line in the SDK; Salesforce allows line breaks in them. */
    private static String singleLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        String result = out.toString().strip();
        return result.length() > 500 ? result.substring(0, 500).strip() : result;
    }

    private static List<String> extra(List<String> fields, List<String> ours, String setting) {
        Set<String> all = new LinkedHashSet<>();
        for (String field : Checks.noNulls(fields, setting)) {
            if (!ours.contains(fieldName(field, setting))) {
                all.add(field);
            }
        }
        return List.copyOf(all);
    }

    private static List<String> union(List<String> ours, List<String> extra) {
        Set<String> all = new LinkedHashSet<>(ours);
        all.addAll(extra);
        return new ArrayList<>(all);
    }
}
