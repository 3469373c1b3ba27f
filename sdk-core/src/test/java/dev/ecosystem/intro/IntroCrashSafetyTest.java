package dev.ecosystem.intro;

import static dev.ecosystem.intro.IntroFixture.ACME;
import static dev.ecosystem.intro.IntroFixture.ADA;
import static dev.ecosystem.intro.IntroFixture.BOB;
import static dev.ecosystem.intro.IntroFixture.IVY;
import static dev.ecosystem.intro.IntroFixture.LEASE;
import static dev.ecosystem.intro.IntroFixture.T0;
import static dev.ecosystem.intro.IntroFixture.adaToBob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.event.EcosystemEvent;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A failure between any two steps (state stored but not sent; sent but receipt not stored; claimed but not sent;
 * the state change itself failing) ends, after {@code runDue}, with every email delivered exactly once: each
 * Message-ID reaches the provider's inbox once, whatever the number of attempts.
 */
class IntroCrashSafetyTest {
    private final FaultyStore store = new FaultyStore();
    private final IntroFixture f = new IntroFixture(store, UnaryOperator.identity());

    private static ProviderException transientFailure() {
        return ProviderException.retryable("test-mail", 503, "req-1", "service unavailable");
    }

    private void assertEachDeliveredOnce() {
        List<String> ids = f.inbox.sent().stream().map(EmailMessage::messageId).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(f.mailer.calls.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    }

    private List<OutboxEntry> outbox(OutboxStatus status) {
        return store.inTransaction(tx -> tx.outbox().list(ACME, status, PageRequest.first(100)).items());
    }

    @Test
    void stateStoredButNotSent_aRestartedProcessSendsItOnce() {
        f.acme().request(adaToBob().build());
        // the process dies here: the ask is only in the outbox
        IntroFixture restarted = new IntroFixture(store, UnaryOperator.identity());

        DueRun run = restarted.client.intros().runDue(T0);

        assertThat(run.sent()).isEqualTo(1);
        assertThat(restarted.sentTo("bob@globex.com")).hasSize(1);
        assertThat(restarted.runDue().sent()).isZero();
        assertThat(outbox(OutboxStatus.SENT)).hasSize(1);
    }

    @Test
    void sentButReceiptNotStored_isLookedUpALeaseAfterItsLeaseEnds_withTheSameMessageId_andDeliveredOnce() {
        f.acme().request(adaToBob().build());
        store.crashAt("outbox.update.SENT");

        DueRun crashed = f.runDue();
        assertThat(crashed.sent()).isZero();
        assertThat(f.inbox.sent()).hasSize(1);
        assertThat(outbox(OutboxStatus.PENDING)).hasSize(1);

        assertThat(f.client.intros().runDue(T0.plus(LEASE).minusNanos(1)).sent()).isZero();
        assertThat(f.client.intros().runDue(T0.plus(LEASE)).sent())
                .as("taken over when the lease ends, but a call of the old holder may still be under way").isZero();
        assertThat(f.mailer.totalCalls()).isEqualTo(1);
        assertThat(f.client.intros().runDue(T0.plus(LEASE.multipliedBy(2)).minusNanos(1)).sent()).isZero();
        DueRun recovered = f.client.intros().runDue(T0.plus(LEASE.multipliedBy(2)));

        assertThat(recovered.sent()).isEqualTo(1);
        assertThat(f.mailer.totalCalls()).isEqualTo(2);
        assertThat(f.inbox.sent()).hasSize(1);
        OutboxEntry sent = outbox(OutboxStatus.SENT).get(0);
        assertThat(sent.receipt()).isNotNull();
        assertThat(sent.receipt().messageId()).isEqualTo(f.inbox.sent().get(0).messageId());
        assertEachDeliveredOnce();
    }

    @Test
    void claimedButNeverSent_isTakenOverWhenTheLeaseEnds() {
        f.acme().request(adaToBob().build());
        List<OutboxEntry> claimed = store.inTransaction(tx -> tx.outbox().claimDue(T0, T0.plus(LEASE), 10));
        assertThat(claimed).hasSize(1);
        // the dispatcher that claimed it dies before sending

        assertThat(f.runDue().sent()).isZero();
        assertThat(f.client.intros().runDue(T0.plus(LEASE)).sent()).isEqualTo(1);
        assertThat(f.mailer.totalCalls()).isEqualTo(1);
        assertEachDeliveredOnce();
    }

    @Test
    void stateChangeFailingWhileEnqueueingTheJointEmail_leavesNothingBehind_andCanBeRetried() {
        Introduction intro = f.acme().request(adaToBob().build());
        f.runDue();
        store.crashAt("outbox.enqueue");

        assertThatThrownBy(() -> f.client.as(IntroFixture.GLOBEX).intros().accept(intro.id(), BOB))
                .isInstanceOf(ProviderException.class).hasMessageContaining("connection lost");
        Introduction unchanged = f.acme().get(intro.id());
        assertThat(unchanged.status()).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
        assertThat(unchanged.jointEntry()).isNull();
        assertThat(f.runDue().sent()).isZero();

        assertThat(f.client.as(IntroFixture.GLOBEX).intros().accept(intro.id(), BOB).status())
                .isEqualTo(IntroductionStatus.CONNECTED);
        assertThat(f.runDue().sent()).isEqualTo(1);
        assertThat(f.sentTo("ada@acme.io")).hasSize(1);
        assertEachDeliveredOnce();
    }

    @Test
    void stateChangeFailingAfterEnqueueing_rollsTheEmailBack() {
        Introduction intro = f.acme().request(adaToBob().build());
        store.crashAt("introductions.update");

        assertThatThrownBy(() -> f.client.as(IntroFixture.GLOBEX).intros().decline(intro.id(), BOB, null, false))
                .isInstanceOf(ProviderException.class);
        f.runDue();

        assertThat(f.sentTo("ada@acme.io")).isEmpty();
        assertThat(f.acme().get(intro.id()).status()).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
    }

    @Test
    void requestFailingAtInsert_storesNoAskAndNoIdempotencyKey() {
        store.crashAt("introductions.insert");

        assertThatThrownBy(() -> f.acme().request(adaToBob().idempotencyKey("k").build()))
                .isInstanceOf(ProviderException.class);
        assertThat(f.runDue().sent()).isZero();

        Introduction stored = f.acme().request(adaToBob().idempotencyKey("k").build());
        assertThat(f.acme().get(stored.id()).status()).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
        assertThat(f.runDue().sent()).isEqualTo(1);
    }

    @Test
    void lostRace_isRetriedTransparently() {
        Introduction intro = f.acme().request(adaToBob().build());
        store.failNext("introductions.update", 2, () -> new ConflictException("stale version (simulated race)"));

        assertThat(f.client.as(IntroFixture.GLOBEX).intros().accept(intro.id(), BOB).status())
                .isEqualTo(IntroductionStatus.CONNECTED);
        f.runDue();
        assertThat(f.sentTo("ada@acme.io")).hasSize(1);
    }

    @Test
    void transientMailerFailures_areRetriedWithDoublingBackoff_thenDeliveredOnce() {
        f.acme().request(adaToBob().build());
        f.mailer.failNext(transientFailure(), transientFailure());

        assertThat(f.runDue()).isEqualTo(new DueRun(0, 0, 0, 0, 1, 0));
        OutboxEntry afterFirst = outbox(OutboxStatus.PENDING).get(0);
        assertThat(afterFirst.attempts()).isEqualTo(1);
        assertThat(afterFirst.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(afterFirst.lastError()).isEqualTo("service unavailable");

        assertThat(f.client.intros().runDue(T0.plusSeconds(59)).retrying()).isZero();
        assertThat(f.client.intros().runDue(T0.plus(Duration.ofMinutes(1))).retrying()).isEqualTo(1);
        assertThat(outbox(OutboxStatus.PENDING).get(0).nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
        assertThat(f.client.intros().runDue(T0.plus(Duration.ofMinutes(3))).sent()).isEqualTo(1);

        assertThat(f.mailer.totalCalls()).isEqualTo(3);
        assertThat(outbox(OutboxStatus.SENT).get(0).attempts()).isEqualTo(3);
        assertEachDeliveredOnce();
    }

    @Test
    void repeatedFailures_parkTheEmail_raiseAnEvent_andTheHostCanRetryIt() {
        f.acme().request(adaToBob().build());
        f.mailer.failNext(transientFailure(), transientFailure(), transientFailure());
        Instant now = T0;
        for (int i = 0; i < 3; i++) {
            f.client.intros().runDue(now);
            now = now.plus(Duration.ofHours(1));
        }

        List<OutboxEntry> parked = f.client.intros().parked(ACME, PageRequest.first(10)).items();
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).attempts()).isEqualTo(3);
        EcosystemEvent event = f.events.stream().filter(e -> e.type().equals("outbox.parked")).findFirst()
                .orElseThrow();
        assertThat(event.subject()).isEqualTo(parked.get(0).id().value());
        assertThat(event.attributes()).containsEntry("attempts", "3").containsKey("origin");
        assertThat(f.client.intros().runDue(now.plus(Duration.ofDays(1))).sent()).isZero();

        f.clock.set(now);
        OutboxEntry retried = f.client.intros().retry(parked.get(0).id());
        assertThat(retried.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(f.client.intros().runDue(now).sent()).isEqualTo(1);
        assertThat(f.inbox.sent().get(0).messageId()).isEqualTo(parked.get(0).message().messageId());
        assertThatThrownBy(() -> f.client.intros().retry(parked.get(0).id()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("only PARKED");
    }

    @Test
    void permanentFailure_isParkedAtOnce() {
        f.acme().request(adaToBob().build());
        f.mailer.failNext(ProviderException.refused("test-mail", 400, null, "mailbox does not exist"));

        assertThat(f.runDue().parked()).isEqualTo(1);
        assertThat(f.mailer.totalCalls()).isEqualTo(1);
    }

    @Test
    void quotaExhausted_waitsUntilTheProviderSaysSo() {
        f.acme().request(adaToBob().build());
        Instant later = T0.plus(Duration.ofHours(6));
        f.mailer.failNext(new QuotaExhaustedException("test-mail", 429, null, later, null, "daily quota"));

        assertThat(f.runDue().retrying()).isEqualTo(1);
        assertThat(outbox(OutboxStatus.PENDING).get(0).nextAttemptAt()).isEqualTo(later);
        assertThat(f.client.intros().runDue(later.minusSeconds(1)).sent()).isZero();
        assertThat(f.client.intros().runDue(later).sent()).isEqualTo(1);
    }

    @Test
    void failureRecordingAFailedAttempt_handsTheEmailOnALeaseAfterItsLeaseEnds() {
        f.acme().request(adaToBob().build());
        f.mailer.failNext(transientFailure());
        store.crashAt("outbox.update.PENDING");

        DueRun run = f.runDue();
        assertThat(run.retrying()).isZero();
        assertThat(f.client.intros().runDue(T0.plus(LEASE)).sent()).isZero();
        assertThat(f.client.intros().runDue(T0.plus(LEASE.multipliedBy(2))).sent()).isEqualTo(1);
        assertEachDeliveredOnce();
    }

    @Test
    void everyCrashPointOfAWholeIntroduction_stillDeliversEveryEmailOnce() {
        AtomicInteger step = new AtomicInteger();
        String[] points = {"outbox.update.SENT", "introductions.update", "outbox.enqueue", "outbox.update.SENT"};
        Introduction intro = f.acme().request(adaToBob().introducer(IVY).build());
        Instant now = T0;
        store.crashAt(points[step.getAndIncrement()]);
        now = runUntilQuiet(now);
        store.crashAt(points[step.getAndIncrement()]);
        assertThatThrownBy(() -> f.acme().accept(intro.id(), ADA)).isInstanceOf(ProviderException.class);
        f.acme().accept(intro.id(), ADA);
        store.crashAt(points[step.getAndIncrement()]);
        assertThatThrownBy(() -> f.client.as(IntroFixture.GLOBEX).intros().accept(intro.id(), BOB))
                .isInstanceOf(ProviderException.class);
        f.client.as(IntroFixture.GLOBEX).intros().accept(intro.id(), BOB);
        store.crashAt(points[step.getAndIncrement()]);
        runUntilQuiet(now);

        assertThat(f.inbox.sent()).hasSize(3);
        assertThat(f.inbox.sent().get(2).cc()).hasSize(1);
        assertEachDeliveredOnce();
    }

    private Instant runUntilQuiet(Instant start) {
        Instant now = start;
        for (int i = 0; i < 5; i++) {
            f.client.intros().runDue(now);
            now = now.plus(LEASE);
        }
        return now;
    }
}
