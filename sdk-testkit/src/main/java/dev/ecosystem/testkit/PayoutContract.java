package dev.ecosystem.testkit;

import static dev.ecosystem.testkit.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PayoutStatus;
import dev.ecosystem.model.PayoutTransition;
import dev.ecosystem.model.StatementContent;
import dev.ecosystem.model.StatementId;
import dev.ecosystem.model.StoredStatement;
import dev.ecosystem.payout.Payouts;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.PayoutProvider;
import dev.ecosystem.spi.PayoutReceipt;
import dev.ecosystem.spi.PayoutRequest;
import dev.ecosystem.spi.ProviderException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The payout ledger ({@code scope.payouts()}) on the store under test, run by {@link PartnerStoreContract} as its
 * nested class {@code Payouts}: storing once per partner, period and plan; every move at its boundary on a fixed
 * clock (the hold day itself, {@code PAID} only from {@code READY}, back to {@code DRAFT}, a stale version); the
 * audit trail; tenancy; and a payout provider that fails or times out, paid once however often it is retried.
 */
public abstract class PayoutContract {

    /** For subclasses: the adapter's test class extends the kit. */
    protected PayoutContract() {
    }

    private static final CompanyId VENDOR = CompanyId.of("vendor-a");
    private static final CompanyId OTHER_VENDOR = CompanyId.of("vendor-b");
    private static final CompanyId PARTNER = CompanyId.of("partner-a");
    private static final String FINANCE = "finance@vendor-a.com";
    /** The content's last hold ends on this day (its clawback's day). */
    private static final Instant HOLD_DAY = Instant.parse("2026-03-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final FakePayouts provider = new FakePayouts();
    private final List<EcosystemClient> clients = new ArrayList<>();

    /** The empty store under test. */
    protected abstract PartnerStore payoutStore();

    @AfterEach
    void closeClients() {
        clients.forEach(EcosystemClient::close);
    }

    private EcosystemClient client(@Nullable PayoutProvider payer) {
        EcosystemClient.Builder builder = EcosystemClient.builder().store(payoutStore()).clock(clock);
        if (payer != null) {
            builder.payoutProvider(payer);
        }
        EcosystemClient client = builder.build();
        clients.add(client);
        for (CompanyId company : List.of(VENDOR, OTHER_VENDOR, PARTNER)) {
            client.register(Company.builder(company, "Company " + company).build());
        }
        return client;
    }

    private Payouts payouts() {
        return client(null).as(VENDOR).payouts();
    }

    private static StatementContent content() {
        return StatementContract.content(PARTNER, "Resellers");
    }

    private StoredStatement ready(Payouts payouts) {
        StoredStatement draft = payouts.store(content(), FINANCE);
        StoredStatement pending = payouts.move(draft.id(), draft.version(), PayoutStatus.PENDING, FINANCE, null);
        return payouts.move(pending.id(), pending.version(), PayoutStatus.READY, FINANCE, "approved");
    }

    @Test
    @DisplayName("Storing a statement keeps it in DRAFT; the same lines again change nothing, other lines replace a "
            + "DRAFT's and are refused once it moved on")
    void store_isOncePerPartnerPeriodAndPlan() {
        Payouts payouts = payouts();
        StoredStatement first = payouts.store(content(), FINANCE);

        assertThat(first.status()).isEqualTo(PayoutStatus.DRAFT);
        assertThat(first.version()).isZero();
        assertThat(first.history()).extracting(PayoutTransition::from, PayoutTransition::to, PayoutTransition::actor)
                .containsExactly(tuple(null, PayoutStatus.DRAFT, FINANCE));
        assertThat(payouts.store(content(), "reports")).isEqualTo(first);

        StatementContent fewer = new StatementContent(PARTNER, "2026-Q1", content().periodStart(),
                content().periodEnd(), "Resellers", content().currency(), content().lines().subList(0, 1));
        StoredStatement recomputed = payouts.store(fewer, "reports");
        assertThat(recomputed.id()).isEqualTo(first.id());
        assertThat(recomputed.version()).isEqualTo(1);
        assertThat(recomputed.total()).isEqualTo(fewer.total());
        assertThat(recomputed.history().get(1).note()).contains("recomputed");

        payouts.move(first.id(), 1, PayoutStatus.PENDING, FINANCE, null);
        assertThatThrownBy(() -> payouts.store(content(), "reports")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("PENDING");
        assertThat(payouts.store(fewer, "reports").version()).isEqualTo(2);
        assertThat(payouts.list(null, PageRequest.first(10)).items()).hasSize(1);
        assertThat(payouts.find(PARTNER, fewer.periodStart(), fewer.periodEnd(), "Resellers").id())
                .isEqualTo(first.id());
    }

    @Test
    @DisplayName("DRAFT -> PENDING -> DRAFT -> PENDING -> READY -> PAID, each step recorded with who, when and why")
    void everyMove_isRecordedWithWhoWhenAndWhy() {
        Payouts payouts = payouts();
        StoredStatement s = payouts.store(content(), FINANCE);
        clock.advance(Duration.ofMinutes(1));
        s = payouts.move(s.id(), s.version(), PayoutStatus.PENDING, "ann", "please review");
        s = payouts.move(s.id(), s.version(), PayoutStatus.DRAFT, "bob", "wrong plan");
        s = payouts.move(s.id(), s.version(), PayoutStatus.PENDING, "ann", null);
        s = payouts.move(s.id(), s.version(), PayoutStatus.READY, "bob", "approved");
        clock.advance(Duration.ofMinutes(1));
        s = payouts.move(s.id(), s.version(), PayoutStatus.PAID, "carl", "wired by hand");

        assertThat(s.status()).isEqualTo(PayoutStatus.PAID);
        assertThat(s.version()).isEqualTo(5);
        assertThat(payouts.history(s.id())).extracting(PayoutTransition::from, PayoutTransition::to,
                PayoutTransition::actor, PayoutTransition::note).containsExactly(
                        tuple(null, PayoutStatus.DRAFT, FINANCE, "stored, total 750.03 EUR"),
                        tuple(PayoutStatus.DRAFT, PayoutStatus.PENDING, "ann", "please review"),
                        tuple(PayoutStatus.PENDING, PayoutStatus.DRAFT, "bob", "wrong plan"),
                        tuple(PayoutStatus.DRAFT, PayoutStatus.PENDING, "ann", null),
                        tuple(PayoutStatus.PENDING, PayoutStatus.READY, "bob", "approved"),
                        tuple(PayoutStatus.READY, PayoutStatus.PAID, "carl", "wired by hand"));
        assertThat(payouts.history(s.id())).extracting(PayoutTransition::at).containsExactly(T0,
                T0.plusSeconds(60), T0.plusSeconds(60), T0.plusSeconds(60), T0.plusSeconds(60), T0.plusSeconds(120));
        assertThat(s.paymentKey()).isEqualTo(s.id() + "@4");
        assertThat(payouts.get(s.id())).isEqualTo(s);
    }

    @Test
    @DisplayName("READY waits for the hold: refused the second before the hold day, allowed at its first instant")
    void ready_onTheHoldDayItself() {
        Payouts payouts = payouts();
        StoredStatement draft = payouts.store(content(), FINANCE);
        StoredStatement pending = payouts.move(draft.id(), 0, PayoutStatus.PENDING, FINANCE, null);
        clock.set(HOLD_DAY.minusSeconds(1));

        assertThatThrownBy(() -> payouts.move(pending.id(), 1, PayoutStatus.READY, FINANCE, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot be READY before 2026-03-01 (hold period), but today is 2026-02-28");
        assertThat(payouts.get(pending.id())).isEqualTo(pending);

        clock.set(HOLD_DAY);
        assertThat(payouts.move(pending.id(), 1, PayoutStatus.READY, FINANCE, null).status())
                .isEqualTo(PayoutStatus.READY);
    }

    @Test
    @DisplayName("PAID only from READY; PAID is final; DRAFT goes only to PENDING")
    void paid_onlyFromReady_andFinal() {
        Payouts payouts = payouts();
        StoredStatement draft = payouts.store(content(), FINANCE);

        assertThatThrownBy(() -> payouts.move(draft.id(), 0, PayoutStatus.PAID, FINANCE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot move from DRAFT to PAID");
        assertThatThrownBy(() -> payouts.move(draft.id(), 0, PayoutStatus.READY, FINANCE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot move from DRAFT to READY");
        StoredStatement pending = payouts.move(draft.id(), 0, PayoutStatus.PENDING, FINANCE, null);
        assertThatThrownBy(() -> payouts.move(pending.id(), 1, PayoutStatus.PAID, FINANCE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot move from PENDING to PAID");
        StoredStatement ready = payouts.move(pending.id(), 1, PayoutStatus.READY, FINANCE, null);
        assertThatThrownBy(() -> payouts.move(ready.id(), 2, PayoutStatus.DRAFT, FINANCE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot move from READY to DRAFT");
        StoredStatement paid = payouts.move(ready.id(), 2, PayoutStatus.PAID, FINANCE, null);
        for (PayoutStatus next : PayoutStatus.values()) {
            assertThatThrownBy(() -> payouts.move(paid.id(), 3, next, FINANCE, null))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("cannot move from PAID");
        }
        assertThat(payouts.get(paid.id())).isEqualTo(paid);
    }

    @Test
    @DisplayName("Two moves based on the same version: the second is a conflict and changes nothing")
    void staleVersion_isConflict() {
        Payouts one = payouts();
        Payouts other = client(null).as(VENDOR).payouts();
        StoredStatement draft = one.store(content(), FINANCE);

        StoredStatement pending = one.move(draft.id(), draft.version(), PayoutStatus.PENDING, "node-1", null);

        assertThatThrownBy(() -> other.move(draft.id(), draft.version(), PayoutStatus.PENDING, "node-2", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is at version 1, not the expected 0");
        assertThat(other.get(draft.id())).isEqualTo(pending);
        assertThat(pending.history()).extracting(PayoutTransition::actor).containsExactly(FINANCE, "node-1");
    }

    @Test
    @DisplayName("Another company can neither read nor move a vendor's statement, and learns nothing of it")
    void anotherCompany_cannotSeeOrMoveTheStatement() {
        EcosystemClient client = client(null);
        StoredStatement draft = client.as(VENDOR).payouts().store(content(), FINANCE);
        StatementId absent = StatementId.of("no-such-statement");

        for (CompanyId outsider : List.of(OTHER_VENDOR, PARTNER)) {
            Payouts theirs = client.as(outsider).payouts();
            String hidden = message(() -> theirs.get(draft.id()));
            String missing = message(() -> theirs.get(absent));
            assertThat(hidden).isEqualTo(missing.replace(absent.value(), draft.id().value()));
            assertThatThrownBy(() -> theirs.move(draft.id(), 0, PayoutStatus.PENDING, "spy", null))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> theirs.history(draft.id())).isInstanceOf(NotFoundException.class);
            assertThat(theirs.list(null, PageRequest.first(10)).items()).isEmpty();
            assertThat(theirs.find(PARTNER, content().periodStart(), content().periodEnd(), "Resellers")).isNull();
        }
        assertThat(client.as(VENDOR).payouts().get(draft.id())).isEqualTo(draft);
    }

    @Test
    @DisplayName("A statement's partner must not be its vendor, and an actor must be given")
    void badInput_isRefusedNamingTheField() {
        Payouts payouts = payouts();
        StatementContent own = StatementContract.content(VENDOR, "Resellers");

        assertThatThrownBy(() -> payouts.store(own, FINANCE)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("statement partner must differ from the vendor");
        assertThatThrownBy(() -> payouts.store(content(), " ")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("actor");
        assertThat(payouts.list(null, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    @DisplayName("With a provider, PAID pays outside the store transaction with the statement's key and records "
            + "the reference")
    void provider_paysOnce_andTheReferenceIsRecorded() {
        EcosystemClient client = client(provider);
        Payouts payouts = client.as(VENDOR).payouts();
        StoredStatement ready = ready(payouts);
        List<StoredStatement> seenWhilePaying = new ArrayList<>();
        provider.during = request -> seenWhilePaying.add(client.as(VENDOR).payouts().get(ready.id()));

        StoredStatement paid = payouts.move(ready.id(), ready.version(), PayoutStatus.PAID, FINANCE, null);

        assertThat(paid.status()).isEqualTo(PayoutStatus.PAID);
        assertThat(paid.paymentReference()).isEqualTo("tr-1");
        assertThat(provider.keys).containsExactly(ready.id() + "@2");
        assertThat(provider.payments).isEqualTo(1);
        assertThat(provider.lastRequest.amount()).isEqualTo(ready.total());
        assertThat(provider.lastRequest.partner()).isEqualTo(PARTNER);
        // The claim was committed before the call: a node reading then sees the statement being paid.
        assertThat(seenWhilePaying).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(PayoutStatus.READY);
            assertThat(s.payingUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        });
        assertThat(paid.payingUntil()).isNull();
        assertThat(paid.history().get(paid.history().size() - 1).note()).isEqualTo("paid, reference tr-1");
    }

    @Test
    @DisplayName("A provider failure leaves the statement READY with the failure recorded; the retry pays once")
    void providerFailure_leavesReady_andTheRetryPaysOnce() {
        Payouts payouts = client(provider).as(VENDOR).payouts();
        StoredStatement ready = ready(payouts);
        provider.mode = FakePayouts.Mode.DECLINE;

        assertThatThrownBy(() -> payouts.move(ready.id(), ready.version(), PayoutStatus.PAID, FINANCE, null))
                .isInstanceOf(ProviderException.class).hasMessageContaining("card declined")
                .hasMessageContaining("stays READY");
        StoredStatement failed = payouts.get(ready.id());
        assertThat(failed.status()).isEqualTo(PayoutStatus.READY);
        assertThat(failed.paymentFailure()).isEqualTo("card declined");
        assertThat(failed.payingUntil()).isNull();
        assertThat(failed.history().get(failed.history().size() - 1)).extracting(PayoutTransition::from,
                PayoutTransition::to, PayoutTransition::note)
                .containsExactly(PayoutStatus.READY, PayoutStatus.READY, "payment failed: card declined");
        assertThat(provider.payments).isZero();

        provider.mode = FakePayouts.Mode.PAY;
        StoredStatement paid = payouts.move(ready.id(), failed.version(), PayoutStatus.PAID, FINANCE, "retry");
        assertThat(paid.status()).isEqualTo(PayoutStatus.PAID);
        assertThat(paid.paymentFailure()).isNull();
        assertThat(provider.keys).containsExactly(ready.paymentKey(), ready.paymentKey());
        assertThat(provider.payments).isEqualTo(1);
    }

    @Test
    @DisplayName("A provider that pays but times out: READY with the failure; the retry gets the same payment")
    void providerTimeout_retryNeverPaysTwice() {
        Payouts payouts = client(provider).as(VENDOR).payouts();
        StoredStatement ready = ready(payouts);
        provider.mode = FakePayouts.Mode.PAY_THEN_TIME_OUT;

        assertThatThrownBy(() -> payouts.move(ready.id(), ready.version(), PayoutStatus.PAID, FINANCE, null))
                .isInstanceOf(ProviderException.class).hasMessageContaining("timed out");
        StoredStatement failed = payouts.get(ready.id());
        assertThat(failed.status()).isEqualTo(PayoutStatus.READY);
        assertThat(failed.paymentFailure()).contains("timed out");

        provider.mode = FakePayouts.Mode.PAY;
        StoredStatement paid = payouts.move(ready.id(), failed.version(), PayoutStatus.PAID, FINANCE, null);
        assertThat(paid.paymentReference()).isEqualTo("tr-1");
        assertThat(provider.payments).isEqualTo(1);
        assertThat(provider.keys).hasSize(2).containsOnly(ready.paymentKey());
    }

    @Test
    @DisplayName("While one call pays a statement another is refused; after the claim lapses it may pay, same key")
    void paymentClaim_blocksASecondPayer_untilItLapses() {
        EcosystemClient client = client(provider);
        Payouts payouts = client.as(VENDOR).payouts();
        StoredStatement ready = ready(payouts);
        // A node that claimed the statement and died before recording the outcome.
        StoredStatement claimed = payoutStore().inTransaction(tx -> tx.statements().update(ready.toBuilder()
                .payingUntil(clock.instant().plus(Duration.ofMinutes(15))).build()));

        assertThatThrownBy(() -> payouts.move(ready.id(), claimed.version(), PayoutStatus.PAID, FINANCE, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is being paid");
        assertThat(provider.keys).isEmpty();

        clock.advance(Duration.ofMinutes(15));
        StoredStatement paid = payouts.move(ready.id(), claimed.version(), PayoutStatus.PAID, FINANCE, null);
        assertThat(paid.status()).isEqualTo(PayoutStatus.PAID);
        assertThat(provider.keys).containsExactly(ready.paymentKey());
    }

    @Test
    @DisplayName("Of concurrent moves based on one version, exactly one succeeds; the others are conflicts")
    void concurrentMoves_exactlyOneWins() throws Exception {
        StoredStatement draft = payouts().store(content(), FINANCE);
        int nodes = 4;
        List<Payouts> scopes = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            scopes.add(client(null).as(VENDOR).payouts());
        }
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<StoredStatement>> moves = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                Payouts node = scopes.get(i);
                String actor = "node-" + i;
                moves.add(pool.submit(() -> {
                    start.await();
                    return node.move(draft.id(), 0, PayoutStatus.PENDING, actor, null);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<StoredStatement> move : moves) {
                try {
                    move.get(60, TimeUnit.SECONDS);
                    won++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                }
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        StoredStatement stored = scopes.get(0).get(draft.id());
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.history()).hasSize(2);
    }

    @Test
    @DisplayName("While a node pays, the provider runs outside any transaction and a second payer is refused")
    void whilePaying_aSecondPayerIsRefused() {
        EcosystemClient client = client(provider);
        Payouts payouts = client.as(VENDOR).payouts();
        Payouts otherNode = client(provider).as(VENDOR).payouts();
        StoredStatement ready = ready(payouts);
        List<Throwable> refusals = new ArrayList<>();
        provider.during = request -> {
            StoredStatement seen = otherNode.get(ready.id());
            try {
                otherNode.move(ready.id(), seen.version(), PayoutStatus.PAID, "node-2", null);
            } catch (ConflictException e) {
                refusals.add(e);
            }
        };

        StoredStatement paid = payouts.move(ready.id(), ready.version(), PayoutStatus.PAID, "node-1", null);

        assertThat(paid.status()).isEqualTo(PayoutStatus.PAID);
        assertThat(refusals).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("is being paid"));
        assertThat(provider.keys).containsExactly(ready.paymentKey());
        assertThat(paid.history()).extracting(PayoutTransition::actor).endsWith("node-1");
    }

    @Test
    @DisplayName("PAID through a provider still waits for READY and the version")
    void provider_isNotCalled_forABadMove() {
        Payouts payouts = client(provider).as(VENDOR).payouts();
        StoredStatement draft = payouts.store(content(), FINANCE);
        StoredStatement ready = ready(payouts);

        assertThatThrownBy(() -> payouts.move(ready.id(), draft.version(), PayoutStatus.PAID, FINANCE, null))
                .isInstanceOf(ConflictException.class);
        assertThat(provider.keys).isEmpty();
    }

    private static String message(Runnable call) {
        try {
            call.run();
        } catch (NotFoundException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a NotFoundException");
    }

    /** Pays at most once per idempotency key, or declines, or pays and then times out. */
    private static final class FakePayouts implements PayoutProvider {
        enum Mode { PAY, DECLINE, PAY_THEN_TIME_OUT }

        private final Map<String, String> paid = new ConcurrentHashMap<>();
        final List<String> keys = new ArrayList<>();
        volatile Mode mode = Mode.PAY;
        volatile int payments;
        volatile @Nullable PayoutRequest lastRequest;
        volatile Consumer<PayoutRequest> during = request -> { };

        @Override
        public synchronized PayoutReceipt pay(PayoutRequest request) {
            keys.add(request.idempotencyKey());
            lastRequest = request;
            during.accept(request);
            if (mode == Mode.DECLINE) {
                throw ProviderException.refused("fakepay", 402, "req-1", "card declined");
            }
            String reference = paid.computeIfAbsent(request.idempotencyKey(), key -> "tr-" + ++payments);
            if (mode == Mode.PAY_THEN_TIME_OUT) {
                throw ProviderException.unavailable("fakepay", "timed out after 30 s", null);
            }
            return new PayoutReceipt(reference);
        }
    }
}
