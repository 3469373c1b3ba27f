package dev.ecosystem.io;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a snapshot of one tenant's CRM, accounts and deals, from CSV files exported from a CRM or written by hand.
 * The files are UTF-8 with a header line; required columns are <b>bold</b>; empty values are allowed elsewhere.
 * <ul>
 *   <li>{@code accounts.csv}: <b>{@code id}</b>, <b>{@code name}</b>, {@code domain} (as the CRM has it: a domain
 *       or URL, kept as given), {@code lifecycle_stage}, {@code updated_at} (an ISO-8601 instant such as
 *       {@code 2025-03-01T09:30:00Z}).</li>
 *   <li>{@code deals.csv}: <b>{@code id}</b>, <b>{@code name}</b>, {@code account_ids} (separated by {@code |}),
 *       {@code amount} (a decimal number such as {@code 1200.50}), {@code currency} (ISO 4217, required when there is
 *       an amount), {@code pipeline}, <b>{@code stage}</b>, <b>{@code status}</b> ({@code OPEN}, {@code WON} or
 *       {@code LOST} in any case), <b>{@code created_at}</b> (an ISO-8601 instant), {@code close_date} (an ISO-8601
 *       date, required for won and lost deals).</li>
 * </ul>
 * In both files, any other column becomes a property of the record, named by its header; an empty value is no
 * property. Deals may name accounts the snapshot does not have (CRMs keep such associations).
 *
 * <pre>{@code
 * CompanyId tenant = CompanyId.of("acme");
 * List<Account> accounts = CrmFiles.readAccounts(tenant, Path.of("crm/acme/accounts.csv"));
 * List<Deal> deals = CrmFiles.readDeals(tenant, Path.of("crm/acme/deals.csv"));
 * store.useTransaction(tx -> {
 *     tx.crm().putAccounts(tenant, accounts);
 *     tx.crm().putDeals(tenant, deals);
 * });
 * }</pre>
 *
 * <p>Errors are reported as by {@link NetworkFiles}: every row is validated first, and one
 * {@link ValidationException} lists up to 10 problems with file name, line, column and value.
 * Repeated ids are errors. Methods taking a {@link Reader} do not close it.
 */
public final class CrmFiles {
    static final Columns ACCOUNTS = new Columns("accounts.csv",
            List.of("id", "name", "domain", "lifecycle_stage", "updated_at"), Set.of("id", "name"), true);
    static final Columns DEALS = new Columns("deals.csv",
            List.of("id", "name", "account_ids", "amount", "currency", "pipeline", "stage", "status", "created_at",
                    "close_date"),
            Set.of("id", "name", "stage", "status", "created_at"), true);

    private static final Map<String, String> ACCOUNT_FIELDS = Map.of("account name", "name");
    private static final Map<String, String> DEAL_FIELDS = Map.of(
            "deal name", "name", "deal stage", "stage", "deal closeDate", "close_date");

    private static final Logger LOG = LoggerFactory.getLogger(CrmFiles.class);

    private CrmFiles() {
    }

    /**
     * Reads accounts for {@code owner} from a file; messages name it by its file name.
     *
     * @throws ValidationException listing what is wrong, when anything is
     */
    public static List<Account> readAccounts(CompanyId owner, Path accountsCsv) {
        Checks.required(owner, "owner");
        Checks.required(accountsCsv, "accountsCsv");
        return Sources.read(accountsCsv, reader -> accounts(owner, reader, Sources.name(accountsCsv)));
    }

    /**
     * Reads accounts for {@code owner} from a reader, which stays open; messages call it {@code accounts.csv}.
     *
     * @throws ValidationException listing what is wrong, when anything is
     */
    public static List<Account> readAccounts(CompanyId owner, Reader accountsCsv) {
        Checks.required(owner, "owner");
        Checks.required(accountsCsv, "accountsCsv");
        return accounts(owner, accountsCsv, ACCOUNTS.file());
    }

    /**
     * Reads deals for {@code owner} from a file; messages name it by its file name.
     *
     * @throws ValidationException listing what is wrong, when anything is
     */
    public static List<Deal> readDeals(CompanyId owner, Path dealsCsv) {
        Checks.required(owner, "owner");
        Checks.required(dealsCsv, "dealsCsv");
        return Sources.read(dealsCsv, reader -> deals(owner, reader, Sources.name(dealsCsv)));
    }

    /**
     * Reads deals for {@code owner} from a reader, which stays open; messages call it {@code deals.csv}.
     *
     * @throws ValidationException listing what is wrong, when anything is
     */
    public static List<Deal> readDeals(CompanyId owner, Reader dealsCsv) {
        Checks.required(owner, "owner");
        Checks.required(dealsCsv, "dealsCsv");
        return deals(owner, dealsCsv, DEALS.file());
    }

    private static List<Account> accounts(CompanyId owner, Reader reader, String source) {
        Problems problems = new Problems();
        List<Account> accounts = new ArrayList<>();
        Map<AccountId, Integer> lines = new HashMap<>();
        for (Row row : CsvRows.read(reader, source, ACCOUNTS, problems)) {
            Account account = account(owner, row, problems);
            if (account != null
                    && problems.unique(lines, account.id(), row, "account id " + Checks.quote(account.id()))) {
                accounts.add(account);
            }
        }
        problems.throwIfAny();
        LOG.debug("Read {} accounts of {} from {}", accounts.size(), owner, source);
        return List.copyOf(accounts);
    }

    private static List<Deal> deals(CompanyId owner, Reader reader, String source) {
        Problems problems = new Problems();
        List<Deal> deals = new ArrayList<>();
        Map<DealId, Integer> lines = new HashMap<>();
        for (Row row : CsvRows.read(reader, source, DEALS, problems)) {
            Deal deal = deal(owner, row, problems);
            if (deal != null && problems.unique(lines, deal.id(), row, "deal id " + Checks.quote(deal.id()))) {
                deals.add(deal);
            }
        }
        problems.throwIfAny();
        LOG.debug("Read {} deals of {} from {}", deals.size(), owner, source);
        return List.copyOf(deals);
    }

    private static @Nullable Account account(CompanyId owner, Row row, Problems problems) {
        Cells cells = new Cells(row, problems);
        AccountId id = cells.required("id", AccountId::of);
        String name = cells.text("name");
        String domain = cells.optional("domain");
        String lifecycleStage = cells.optional("lifecycle_stage");
        Instant updatedAt = cells.optional("updated_at", Cells::instant);
        Map<String, String> properties = cells.extras();
        return cells.build(() -> {
            Account.Builder account = Account.builder(owner, Objects.requireNonNull(id), name)
                    .domain(domain)
                    .lifecycleStage(lifecycleStage)
                    .updatedAt(updatedAt);
            properties.forEach(account::property);
            return account.build();
        }, ACCOUNT_FIELDS);
    }

    private static @Nullable Deal deal(CompanyId owner, Row row, Problems problems) {
        Cells cells = new Cells(row, problems);
        DealId id = cells.required("id", DealId::of);
        String name = cells.text("name");
        List<AccountId> accountIds = cells.values("account_ids", AccountId::of);
        Currency currency = cells.optional("currency", Money::currency);
        BigDecimal amount = cells.optional("amount", Cells::decimal);
        if (amount != null && currency == null && !cells.failed()) {
            cells.fail("currency", "a currency is required when there is an amount, but was empty");
        }
        String pipeline = cells.optional("pipeline");
        String stage = cells.text("stage");
        DealStatus status = cells.required("status", value -> Cells.constant(value, DealStatus.class));
        Instant createdAt = cells.required("created_at", Cells::instant);
        LocalDate closeDate = cells.optional("close_date", Cells::date);
        Map<String, String> properties = cells.extras();
        return cells.build(() -> {
            Deal.Builder deal = Deal.builder(owner, Objects.requireNonNull(id), name)
                    .amount(amount == null ? null : new Money(amount, Objects.requireNonNull(currency)))
                    .pipeline(pipeline)
                    .stage(stage, Objects.requireNonNull(status))
                    .createdAt(Objects.requireNonNull(createdAt))
                    .closeDate(closeDate);
            accountIds.forEach(deal::account);
            properties.forEach(deal::property);
            return deal.build();
        }, DEAL_FIELDS);
    }
}
