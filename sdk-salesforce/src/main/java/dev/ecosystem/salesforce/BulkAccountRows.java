package dev.ecosystem.salesforce;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.spi.ProviderException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps Salesforce Account rows to the SDK's {@link Account}s: {@code Name} as the name, {@code Website} (free text:
 * URLs, bare domains, blanks) as the domain, {@code Type} as the lifecycle stage with Salesforce's customer types
 * ({@code Customer - Direct}, {@code Customer - Channel}) read as {@code customer} so that the default customers
 * population finds them, {@code SystemModstamp} as the time of the last change, and {@code BillingCountry},
 * {@code OwnerId}, {@code Type} and the configured custom fields as properties under their field names.
 *
 * <pre>{@code
 * BulkAccountRows accounts = new BulkAccountRows(tenant, List.of("Partner_Tier__c"));
 * bulkQuery.run("Account", accounts.soql(), BulkQuery.Operation.QUERY, accounts.sink(snapshot::add));
 * }</pre>
 *
 * <p>The mapping itself ({@link #account(String, String, String, String, String, String, String, Map)}) takes plain
 * values, so a REST reader can share it. Immutable and thread-safe; each {@link #sink} is for one query.
 */
final class BulkAccountRows {
    /** The fields every Account query selects, in this order. */
    static final List<String> FIELDS =
            List.of("Id", "Name", "Website", "BillingCountry", "OwnerId", "Type", "SystemModstamp");
    private static final Logger LOG = LoggerFactory.getLogger(BulkAccountRows.class);
    /** A field's API name: letters, digits and single underscores, custom ones ending in {@code __c}. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}(__c)?");
    /** Salesforce's REST form of a dateTime ({@code 2024-01-15T10:30:00.000+0000}); CSV results use ISO with Z. */
    private static final DateTimeFormatter REST_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final int NAME_LENGTH = 500;
    /** Values of low-cardinality fields kept for sharing per query; past this, a value is kept as read. */
    private static final int SHARED_VALUES = 20_000;

    private final CompanyId tenant;
    private final List<String> customFields;

    /**
     * Creates a mapper.
     *
     * @param tenant the tenant whose org the rows come from: every account's owner
     * @param customFields further fields to select and keep as properties, such as {@code Partner_Tier__c}
     */
    BulkAccountRows(CompanyId tenant, List<String> customFields) {
        this.tenant = Checks.required(tenant, "tenant");
        Set<String> fields = new LinkedHashSet<>();
        for (String field : Checks.required(customFields, "customFields")) {
            if (field == null || !FIELD_NAME.matcher(field).matches() || field.contains("___")) {
                throw new ValidationException("customFields must be Salesforce field API names (letters, digits, "
                        + "underscores, such as Partner_Tier__c), but had " + Checks.quote(String.valueOf(field)));
            }
            if (!FIELDS.contains(field)) {
                fields.add(field);
            }
        }
        this.customFields = List.copyOf(fields);
    }

    /** The fields to select: {@link #FIELDS}, then the custom ones. */
    List<String> fields() {
        List<String> all = new ArrayList<>(FIELDS);
        all.addAll(customFields);
        return all;
    }

    /** The SOQL of a full read of the org's accounts. */
    String soql() {
        return "SELECT " + String.join(", ", fields()) + " FROM Account";
    }

    /**
     * A sink for one query that maps every row and hands the account to {@code accounts}. It finds its columns by
     * name once per page, and shares the values of fields that repeat across accounts (country, owner, type).
     *
     * @throws ProviderException from the sink when a page lacks a selected column or a row has no {@code Id}
     */
    BulkRowSink sink(Consumer<Account> accounts) {
        Checks.required(accounts, "accounts");
        return new MappingSink(accounts);
    }

    /**
     * Maps one account's values.
     *
     * @param id the 18-character record id
     * @param custom the custom fields' values by field name (absent or null when the record has none)
     */
    Account account(String id, @Nullable String name, @Nullable String website, @Nullable String billingCountry,
            @Nullable String ownerId, @Nullable String type, @Nullable String systemModstamp,
            Map<String, @Nullable String> custom) {
        String single = name == null ? null : singleLine(name);
        Account.Builder account = Account.builder(tenant, AccountId.of(id),
                        single == null || single.isEmpty() ? "Salesforce account " + id : single)
                .domain(website)
                .lifecycleStage(stage(type))
                .updatedAt(instant(systemModstamp, id));
        property(account, "BillingCountry", billingCountry);
        property(account, "OwnerId", ownerId);
        property(account, "Type", type);
        for (String field : customFields) {
            property(account, field, custom.get(field));
        }
        return account.build();
    }

    /** Salesforce's two customer types are customers; any other type is kept as it reads. */
    static @Nullable String stage(@Nullable String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String stripped = type.strip();
        return stripped.regionMatches(true, 0, "Customer", 0, 8) ? "customer" : stripped;
    }

    /** Parses a dateTime in the CSV form ({@code 2024-01-15T10:30:00.000Z}) or the REST form ({@code +0000}). */
    static @Nullable Instant instant(@Nullable String value, String recordId) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            Instant fast = csvDateTime(text);
            if (fast != null) {
                return fast;
            }
            return text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text, REST_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            LOG.warn("account {} has a SystemModstamp that does not parse; reading it as absent", recordId);
            return null;
        }
    }

    /**
     * The one form Bulk API 2.0 writes, {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, read digit by digit: {@link Instant#parse}
     * costs as much as the rest of an account's mapping. {@code null} for any other form.
     *
     * @throws DateTimeException for a field out of range, such as month 13
     */
    private static @Nullable Instant csvDateTime(String text) {
        if (text.length() != 24 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.'
                || text.charAt(23) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = digits(text, 20, 3);
        if ((year | month | day | hour | minute | second | millis) < 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                .toInstant(ZoneOffset.UTC);
    }

    /** The number written by {@code length} ASCII digits from {@code start}, or {@code -1} if one is not a digit. */
    private static int digits(String text, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void property(Account.Builder account, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            account.property(name, value);
        }
    }

    /** Names are single-line in the SDK; Salesforce allows line breaks in them. */
    private static String singleLine(String text) {
        String result = text;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                StringBuilder out = new StringBuilder(text.length());
                text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
                result = out.toString();
                break;
            }
        }
        result = result.strip();
        return result.length() > NAME_LENGTH ? result.substring(0, NAME_LENGTH).strip() : result;
    }

    /** Maps the rows of one query; finds its columns again when a page's header differs. */
    private final class MappingSink implements BulkRowSink {
        private final Consumer<Account> accounts;
        private final Map<String, String> shared = new HashMap<>();
        private BulkRow.@Nullable Header header;
        private int[] columns = new int[0];
        private final Map<String, @Nullable String> custom = new HashMap<>();

        MappingSink(Consumer<Account> accounts) {
            this.accounts = accounts;
        }

        @Override
        public void row(BulkRow row) {
            if (row.header() != header) {
                resolve(row.header());
            }
            String id = row.text(columns[0]);
            if (id == null) {
                throw ProviderException.refused(BulkQuery.PROVIDER, 200, null, "row " + row.number()
                        + " of an Account result page has no Id", null);
            }
            custom.clear();
            for (int i = 0; i < customFields.size(); i++) {
                custom.put(customFields.get(i), row.text(columns[FIELDS.size() + i]));
            }
            accounts.accept(account(id, row.text(columns[1]), row.text(columns[2]), share(row.text(columns[3])),
                    share(row.text(columns[4])), share(row.text(columns[5])), row.text(columns[6]), custom));
        }

        private void resolve(BulkRow.Header next) {
            List<String> fields = fields();
            int[] resolved = new int[fields.size()];
            for (int i = 0; i < resolved.length; i++) {
                resolved[i] = next.indexOf(fields.get(i));
                if (resolved[i] < 0) {
                    throw ProviderException.refused(BulkQuery.PROVIDER, 200, null, "an Account result page lacks "
                            + "the selected field " + fields.get(i) + "; its columns are " + next.names(), null);
                }
            }
            columns = resolved;
            header = next;
        }

        private @Nullable String share(@Nullable String value) {
            if (value == null) {
                return null;
            }
            String seen = shared.get(value);
            if (seen != null) {
                return seen;
            }
            if (shared.size() < SHARED_VALUES) {
                shared.put(value, value);
            }
            return value;
        }
    }

    @Override
    public String toString() {
        return "BulkAccountRows[" + tenant + ", custom " + customFields + "]";
    }
}
