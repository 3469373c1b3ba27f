package dev.ecosystem.hubspot;

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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns HubSpot objects into the SDK's accounts and deals. HubSpot sends every property as a string or null, so
 * parsing is lenient: amounts as {@link BigDecimal}, dates as ISO instants, plain dates or epoch milliseconds; a value
 * that does not parse is treated as absent (logged without the value, which is CRM data).
 */
final class RecordMapper {
    private static final Logger LOG = LoggerFactory.getLogger(RecordMapper.class);

    static final List<String> COMPANY_PROPERTIES =
            List.of("name", "domain", "lifecyclestage", "createdate", "hs_lastmodifieddate");
    static final List<String> DEAL_PROPERTIES = List.of("dealname", "amount", "deal_currency_code", "pipeline",
            "dealstage", "closedate", "createdate", "hs_lastmodifieddate", "hs_is_closed", "hs_is_closed_won");

    private final CompanyId tenant;
    private final Currency defaultCurrency;
    private final List<String> extraCompanyProperties;
    private final List<String> extraDealProperties;
    private final StageCatalog stages;

    RecordMapper(CompanyId tenant, Currency defaultCurrency, List<String> extraCompanyProperties,
            List<String> extraDealProperties, StageCatalog stages) {
        this.tenant = tenant;
        this.defaultCurrency = defaultCurrency;
        this.extraCompanyProperties = List.copyOf(extraCompanyProperties);
        this.extraDealProperties = List.copyOf(extraDealProperties);
        this.stages = stages;
    }

    /** The properties to request for companies: ours, then the host's. */
    List<String> companyProperties() {
        return union(COMPANY_PROPERTIES, extraCompanyProperties);
    }

    /** The properties to request for deals: ours, then the host's. */
    List<String> dealProperties() {
        return union(DEAL_PROPERTIES, extraDealProperties);
    }

    Account account(Json.CrmObject company) {
        String name = firstNonNull(company.property("name"), company.property("domain"));
        Account.Builder account = Account.builder(tenant, AccountId.of(company.id()),
                        name != null ? singleLine(name) : "HubSpot company " + company.id())
                .domain(company.property("domain"))
                .lifecycleStage(company.property("lifecyclestage"))
                .updatedAt(firstNonNull(instant(company.property("hs_lastmodifieddate"), company.id()),
                        instant(company.updatedAt(), company.id())));
        for (String property : extraCompanyProperties) {
            String value = company.property(property);
            if (value != null) {
                account.property(property, value);
            }
        }
        return account.build();
    }

    /**
     * A deal with its associated companies.
     *
     * @param companies the deal's company ids, possibly with repeats (labelled and unlabelled associations)
     */
    Deal deal(Json.CrmObject deal, Collection<String> companies) {
        String name = deal.property("dealname");
        Deal.Builder builder = Deal.builder(tenant, DealId.of(deal.id()),
                name != null ? singleLine(name) : "HubSpot deal " + deal.id());
        new LinkedHashSet<>(companies).forEach(id -> builder.account(AccountId.of(id)));
        String stage = deal.property("dealstage");
        DealStatus status = stage == null ? null : stages.status(stage);
        if (status == null) {
            status = fallbackStatus(deal);
        }
        Instant createdAt = firstNonNull(instant(deal.property("createdate"), deal.id()),
                instant(deal.createdAt(), deal.id()));
        Instant modifiedAt = firstNonNull(instant(deal.property("hs_lastmodifieddate"), deal.id()),
                instant(deal.updatedAt(), deal.id()));
        LocalDate closeDate = date(instant(deal.property("closedate"), deal.id()));
        if (status != DealStatus.OPEN && closeDate == null) {
            // A closed deal without a close date: the last change is the best evidence of when it closed.
            closeDate = date(firstNonNull(modifiedAt, createdAt));
        }
        builder.amount(amount(deal))
                .pipeline(deal.property("pipeline"))
                .stage(stage == null ? "unknown" : stage, status)
                .createdAt(Objects.requireNonNullElse(firstNonNull(createdAt, modifiedAt), Instant.EPOCH))
                .closeDate(closeDate);
        for (String property : extraDealProperties) {
            String value = deal.property(property);
            if (value != null) {
                builder.property(property, value);
            }
        }
        return builder.build();
    }

    /** A stage missing from the pipelines even after a reload: HubSpot's own closed flags decide. */
    private static DealStatus fallbackStatus(Json.CrmObject deal) {
        LOG.warn("deal {} has a stage its pipelines do not list; using its hs_is_closed flags", deal.id());
        if (!"true".equalsIgnoreCase(deal.property("hs_is_closed"))) {
            return "true".equalsIgnoreCase(deal.property("hs_is_closed_won")) ? DealStatus.WON : DealStatus.OPEN;
        }
        return "true".equalsIgnoreCase(deal.property("hs_is_closed_won")) ? DealStatus.WON : DealStatus.LOST;
    }

    private @Nullable Money amount(Json.CrmObject deal) {
        String amount = deal.property("amount");
        if (amount == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            LOG.warn("deal {} has an amount that is not a number; reading it as no amount", deal.id());
            return null;
        }
        String code = deal.property("deal_currency_code");
        Currency currency = defaultCurrency;
        if (code != null) {
            try {
                currency = Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                LOG.warn("deal {} has a currency code that is not ISO 4217; using the default currency", deal.id());
            }
        }
        return new Money(value, currency);
    }

    /** Parses HubSpot's date forms: ISO instants, ISO dates (midnight UTC) and epoch milliseconds. */
    static @Nullable Instant instant(@Nullable String value, String recordId) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            LOG.warn("record {} has a date that does not parse; reading it as absent", recordId);
            return null;
        }
    }

    private static @Nullable LocalDate date(@Nullable Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Names are single-line in the SDK; HubSpot allows line breaks in them. */
    private static String singleLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        String result = out.toString().strip();
        return result.length() > 500 ? result.substring(0, 500) : result;
    }

    @SafeVarargs
    private static <T> @Nullable T firstNonNull(@Nullable T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static List<String> union(List<String> ours, List<String> extra) {
        Set<String> all = new LinkedHashSet<>(ours);
        all.addAll(extra);
        return new ArrayList<>(all);
    }
}
