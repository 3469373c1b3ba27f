package dev.ecosystem.testkit;

import static dev.ecosystem.testkit.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.model.CommissionLine;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PayoutStatus;
import dev.ecosystem.model.PayoutTransition;
import dev.ecosystem.model.StatementContent;
import dev.ecosystem.model.StatementId;
import dev.ecosystem.model.StoredStatement;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.ecosystem.spi.StatementRepository}, run by {@link PartnerStoreContract} as its nested
 * class {@code Statements}: round trips of every field (lines, history, payment fields), versions, one statement per
 * vendor, partner, period and plan, visibility to the vendor only, keyset listings, and rollback.
 */
public abstract class StatementContract {

    /** For subclasses: the adapter's test class extends the kit. */
    protected StatementContract() {
    }

    private static final CompanyId VENDOR = CompanyId.of("vendor-a");
    private static final CompanyId OTHER_VENDOR = CompanyId.of("vendor-b");
    private static final CompanyId PARTNER = CompanyId.of("partner-a");
    private static final CompanyId OTHER_PARTNER = CompanyId.of("partner-b");
    private static final LocalDate Q1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate Q2 = LocalDate.of(2026, 4, 1);
    private static final Currency EUR = Currency.getInstance("EUR");

    /** The empty store under test. */
    protected abstract PartnerStore statementStore();

    /** The content of a statement of {@code partner} for 2026-Q1 under {@code plan}: an earning and its clawback. */
    static StatementContent content(CompanyId partner, String plan) {
        CommissionLine earning = new CommissionLine("d1/" + partner + "/earning/0", CommissionLine.Kind.EARNING,
                DealId.of("d1"), LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 9), Money.of("12000.50", "EUR"),
                new BigDecimal("12.5"), Money.of("1500.06", "EUR"), List.of(TouchpointId.of("t1"),
                TouchpointId.of("t2")), null, "capped at annual cap 20000");
        CommissionLine clawback = new CommissionLine(earning.id() + "/clawback/0", CommissionLine.Kind.CLAWBACK,
                DealId.of("d1"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), Money.of("12000.50", "EUR"),
                new BigDecimal("12.5"), Money.of("-750.03", "EUR"), List.of(TouchpointId.of("t1")), earning.id(),
                "refund on 2026-03-01");
        return new StatementContent(partner, "2026-Q1", Q1, Q2, plan, EUR, List.of(earning, clawback));
    }

    /** A new statement {@code id} of {@code vendor} to {@code partner} under {@code plan}, with its first step. */
    static StoredStatement statement(String id, CompanyId vendor, CompanyId partner, String plan) {
        return StoredStatement.builder(StatementId.of(id), vendor, content(partner, plan), T0)
                .transition(new PayoutTransition(null, PayoutStatus.DRAFT, T0, "finance@vendor.com", "stored"))
                .build();
    }

    private StoredStatement insert(StoredStatement statement) {
        return read(tx -> tx.statements().insert(statement));
    }

    @Test
    @DisplayName("A statement with every field set reads back equal, at version 0, to its vendor only")
    void insert_thenGet_returnsEqualStatement_toItsVendorOnly() {
        StoredStatement full = statement("s1", VENDOR, PARTNER, "Resellers").toBuilder()
                .status(PayoutStatus.READY).paymentKey("s1@3").paymentFailure("provider timed out\nafter 30 s")
                .paymentReference("tr_123").payingUntil(T0.plus(Duration.ofMinutes(15)))
                .updatedAt(T0.plusSeconds(60))
                .transition(new PayoutTransition(PayoutStatus.DRAFT, PayoutStatus.PENDING, T0.plusSeconds(1),
                        "finance@vendor.com", null))
                .build();

        StoredStatement stored = insert(full);

        assertThat(stored).isEqualTo(full.toBuilder().version(0).build());
        check(tx -> assertThat(tx.statements().get(VENDOR, StatementId.of("s1"))).isEqualTo(stored));
        check(tx -> assertThat(tx.statements().get(OTHER_VENDOR, StatementId.of("s1"))).isNull());
        check(tx -> assertThat(tx.statements().get(PARTNER, StatementId.of("s1"))).isNull());
        check(tx -> assertThat(tx.statements().get(VENDOR, StatementId.of("s2"))).isNull());
        check(tx -> assertThat(tx.statements().get(VENDOR, StatementId.of("s1")).total())
                .isEqualTo(Money.of("750.03", "EUR")));
    }

    @Test
    @DisplayName("A taken id, or a second statement for the same partner, period and plan, is a conflict")
    void insert_takenIdOrKey_isConflict() {
        insert(statement("s1", VENDOR, PARTNER, "Resellers"));

        assertThatThrownBy(() -> insert(statement("s1", OTHER_VENDOR, PARTNER, "Resellers")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> insert(statement("s2", VENDOR, PARTNER, "Resellers")))
                .isInstanceOf(ConflictException.class);
        insert(statement("s3", VENDOR, PARTNER, "Agencies"));
        insert(statement("s4", VENDOR, OTHER_PARTNER, "Resellers"));
        insert(statement("s5", OTHER_VENDOR, PARTNER, "Resellers"));

        check(tx -> assertThat(tx.statements().find(VENDOR, PARTNER, Q1, Q2, "Resellers").id().value())
                .isEqualTo("s1"));
        check(tx -> assertThat(tx.statements().find(OTHER_VENDOR, PARTNER, Q1, Q2, "Resellers").id().value())
                .isEqualTo("s5"));
        check(tx -> assertThat(tx.statements().find(VENDOR, PARTNER, Q1, Q2.plusDays(1), "Resellers")).isNull());
        check(tx -> assertThat(tx.statements().get(VENDOR, StatementId.of("s2"))).isNull());
    }

    @Test
    @DisplayName("An update bumps the version; a stale version, another partner, period or plan, or a missing id is "
            + "refused")
    void update_isOptimistic() {
        StoredStatement stored = insert(statement("s1", VENDOR, PARTNER, "Resellers"));
        StoredStatement pending = read(tx -> tx.statements().update(stored.toBuilder().status(PayoutStatus.PENDING)
                .transition(new PayoutTransition(PayoutStatus.DRAFT, PayoutStatus.PENDING, T0, "me", "ok")).build()));

        assertThat(pending.version()).isEqualTo(1);
        check(tx -> assertThat(tx.statements().get(VENDOR, stored.id())).isEqualTo(pending));
        assertThatThrownBy(() -> write(tx -> tx.statements().update(stored)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> write(tx -> tx.statements().update(pending.toBuilder()
                .content(content(OTHER_PARTNER, "Resellers")).build()))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> write(tx -> tx.statements().update(pending.toBuilder()
                .content(content(PARTNER, "Agencies")).build()))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> write(tx -> tx.statements().update(statement("nope", VENDOR, PARTNER, "x"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> write(tx -> tx.statements().update(StoredStatement.builder(stored.id(),
                OTHER_VENDOR, stored.content(), T0).version(1).build()))).isInstanceOf(NotFoundException.class);
        check(tx -> assertThat(tx.statements().get(VENDOR, stored.id())).isEqualTo(pending));
    }

    @Test
    @DisplayName("Listings page by id in binary order and hold only the vendor's statements (of one partner)")
    void listings_pageInIdOrder_perVendorAndPartner() {
        List<String> ids = List.of("b", "a-10", "Z", "a-2", "0", "a-1", "_x");
        for (int i = 0; i < ids.size(); i++) {
            insert(statement(ids.get(i), VENDOR, i % 2 == 0 ? PARTNER : OTHER_PARTNER, "plan " + i));
        }
        insert(statement("elsewhere", OTHER_VENDOR, PARTNER, "plan 0"));

        assertThat(all(page -> read(tx -> tx.statements().list(VENDOR, null, page))))
                .containsExactlyElementsOf(ids.stream().sorted().toList());
        assertThat(all(page -> read(tx -> tx.statements().list(VENDOR, PARTNER, page))))
                .containsExactly("0", "Z", "_x", "b");
        assertThat(all(page -> read(tx -> tx.statements().list(OTHER_VENDOR, null, page))))
                .containsExactly("elsewhere");
        assertThat(all(page -> read(tx -> tx.statements().list(PARTNER, null, page)))).isEmpty();
    }

    @Test
    @DisplayName("A failed transaction leaves no statement, no key and no change behind")
    void rollback_leavesNothing() {
        StoredStatement stored = insert(statement("s1", VENDOR, PARTNER, "Resellers"));

        assertThatThrownBy(() -> write(tx -> {
            tx.statements().insert(statement("s2", VENDOR, OTHER_PARTNER, "Resellers"));
            tx.statements().update(stored.toBuilder().status(PayoutStatus.PENDING).build());
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        check(tx -> assertThat(tx.statements().get(VENDOR, StatementId.of("s2"))).isNull());
        check(tx -> assertThat(tx.statements().find(VENDOR, OTHER_PARTNER, Q1, Q2, "Resellers")).isNull());
        check(tx -> assertThat(tx.statements().get(VENDOR, stored.id())).isEqualTo(stored));
        insert(statement("s3", VENDOR, OTHER_PARTNER, "Resellers"));
    }

    private List<String> all(Function<PageRequest, Page<StoredStatement>> lister) {
        List<String> ids = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            Page<StoredStatement> page = lister.apply(PageRequest.after(cursor, 2));
            page.items().forEach(statement -> ids.add(statement.id().value()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    private <T> T read(Function<StoreTransaction, T> work) {
        return statementStore().inTransaction(work);
    }

    private void write(Consumer<StoreTransaction> work) {
        statementStore().useTransaction(work);
    }

    private void check(Consumer<StoreTransaction> assertions) {
        statementStore().useTransaction(assertions);
    }
}
