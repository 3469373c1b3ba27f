package dev.ecosystem.intro;

import static dev.ecosystem.intro.IntroFixture.ADA;
import static dev.ecosystem.intro.IntroFixture.BOB;
import static dev.ecosystem.intro.IntroFixture.GLOBEX;
import static dev.ecosystem.intro.IntroFixture.IVY;
import static dev.ecosystem.intro.IntroFixture.LEASE;
import static dev.ecosystem.intro.IntroFixture.adaToBob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The outbox's leases and fencing, on the in-memory store with a clock the test moves: a dispatcher never sends an
 * entry it no longer holds, a slow send keeps its lease, and a send with no known outcome is looked up before it
 * goes out again.
 */
class OutboxLeaseTest {
    private final IntroFixture f = new IntroFixture(InMemoryPartnerStore.create(),
            settings -> settings.limits(100, 100, Duration.ofDays(30)));

    private void requestThree() {
        f.acme().request(adaToBob().build());
        f.acme().request(IntroRequest.builder(IVY, GLOBEX, BOB, "Ivy knows both teams").build());
        f.acme().request(IntroRequest.builder(ADA, GLOBEX, BOB, "A second reason to talk").build());
    }

    private void assertEachCalledOnce() {
        assertThat(f.mailer.calls.values()).as("mailer calls per Message-ID")
                .allSatisfy(calls -> assertThat(calls.get()).isEqualTo(1));
    }

    @Test
    @DisplayName("A run that outlasts the lease does not send the entries whose lease ran out; a later run sends "
            + "each of them once")
    void entriesWhoseLeaseRanOut_areNotSentByTheRunThatClaimedThem() {
        requestThree();
        f.mailer.beforeSend = (call, message) -> {
            if (call == 1) {
                f.clock.advance(LEASE.plusSeconds(1));
            }
        };

        DueRun first = f.runDue();

        assertThat(first.sent()).as("sent by the run whose lease ran out after the first email").isEqualTo(1);
        assertThat(f.mailer.totalCalls()).isEqualTo(1);
        assertThat(f.runDue().sent()).isEqualTo(2);
        assertThat(f.mailer.calls).hasSize(3);
        assertEachCalledOnce();
    }

    @Test
    @DisplayName("An entry another node took over after the lease ran out is sent by that node only")
    void entryTakenOverByAnotherNode_isNotSentByTheFirst() {
        requestThree();
        EcosystemClient other = f.newNode();
        List<DueRun> otherRuns = new ArrayList<>();
        f.mailer.beforeSend = (call, message) -> {
            if (call == 1) {
                f.clock.advance(LEASE.dividedBy(2));
            } else if (call == 2) {
                // the third entry's lease has run out while the second is being sent under a renewed lease
                f.clock.advance(LEASE.dividedBy(2).plusSeconds(30));
                otherRuns.add(other.intros().runDue(f.clock.instant()));
            }
        };

        DueRun first = f.runDue();

        assertThat(otherRuns).singleElement().extracting(DueRun::sent).as("sent by the node that took over")
                .isEqualTo(1);
        assertThat(first.sent()).as("sent by the node that lost the third entry").isEqualTo(2);
        assertThat(f.mailer.calls).hasSize(3);
        assertEachCalledOnce();
        assertThat(outbox(OutboxStatus.SENT)).hasSize(3);
    }

    @Test
    @DisplayName("A node whose lease ran out while its call was still with the mailer (it stalled, no renewal "
            + "landed): the node taking over waits for that call instead of sending the email a second time")
    void stalledHolder_isNotSentAgainByTheNodeTakingOver() {
        f.acme().request(adaToBob().build());
        EcosystemClient other = f.newNode();
        List<DueRun> otherRuns = new ArrayList<>();
        f.mailer.beforeSend = (call, message) -> {
            if (call == 1) {
                f.clock.advance(LEASE.plusSeconds(1)); // the node stalls past its lease
                otherRuns.add(other.intros().runDue(f.clock.instant()));
            }
        };

        DueRun first = f.runDue();

        assertThat(otherRuns).singleElement().extracting(DueRun::sent).as("sent by the node that took over")
                .isEqualTo(0);
        assertThat(first.sent()).as("the stalled call's receipt is stored").isEqualTo(1);
        assertThat(other.intros().runDue(f.clock.instant().plus(LEASE.multipliedBy(2))).sent()).isZero();
        assertEachCalledOnce();
        assertThat(outbox(OutboxStatus.SENT)).hasSize(1);
    }

    @Test
    @DisplayName("releaseClaims hands back the claimed emails not yet sent: the run under way stops after its email, "
            + "and another node sends the rest at once, without waiting for the lease")
    void releaseClaims_handsBackUnsentEntriesAtOnce() {
        requestThree();
        AtomicInteger released = new AtomicInteger(-1);
        f.mailer.beforeSend = (call, message) -> {
            if (call == 1) {
                released.set(f.client.intros().releaseClaims()); // the shutdown, while the first email is out
            }
        };

        DueRun first = f.runDue();

        assertThat(released).as("entries handed back").hasValue(2);
        assertThat(first.sent()).as("the email that was with the mailer").isEqualTo(1);
        assertThat(f.mailer.totalCalls()).isEqualTo(1);
        EcosystemClient other = f.newNode();
        assertThat(other.intros().runDue(f.clock.instant()).sent()).as("sent by another node, same instant")
                .isEqualTo(2);
        assertThat(f.mailer.calls).hasSize(3);
        assertEachCalledOnce();
    }

    @Test
    @DisplayName("releaseClaims with nothing claimed hands back nothing, and later runs send as before")
    void releaseClaims_whenIdle_changesNothing() {
        requestThree();

        assertThat(f.client.intros().releaseClaims()).isZero();

        assertThat(f.runDue().sent()).isEqualTo(3);
        assertThat(f.client.intros().releaseClaims()).isZero();
        assertThat(outbox(OutboxStatus.SENT)).hasSize(3);
    }

    @Test
    @DisplayName("A send that takes longer than the lease keeps it: another node does not take the entry over")
    void slowSend_renewsItsLease() {
        IntroFixture fast = new IntroFixture(InMemoryPartnerStore.create(),
                settings -> settings.lease(Duration.ofMillis(300)));
        fast.acme().request(adaToBob().build());
        EcosystemClient other = fast.newNode();
        AtomicInteger takenOver = new AtomicInteger(-1);
        fast.mailer.beforeSend = (call, message) -> {
            if (call == 1) {
                fast.clock.advance(Duration.ofSeconds(1));
                awaitLeaseAfter(fast, fast.clock.instant());
                takenOver.set(other.intros().runDue(fast.clock.instant()).sent());
            }
        };

        assertThat(fast.runDue().sent()).isEqualTo(1);

        assertThat(takenOver).as("emails the other node sent meanwhile").hasValue(0);
        assertThat(fast.mailer.totalCalls()).isEqualTo(1);
    }

    @Test
    @DisplayName("After a send with no known outcome the next attempt is a resend, which looks the message up; "
            + "after a refusal it is a plain send")
    void unknownOutcome_nextAttemptIsAResend() {
        f.acme().request(adaToBob().build());
        f.mailer.failNext(ProviderException.unavailable("test-mail", "no answer", null),
                ProviderException.retryable("test-mail", 421, null, "try again later"));

        assertThat(f.runDue().retrying()).isEqualTo(1);
        assertThat(f.client.intros().runDue(f.clock.instant().plus(Duration.ofMinutes(5))).retrying()).isEqualTo(1);
        assertThat(f.client.intros().runDue(f.clock.instant().plus(Duration.ofMinutes(30))).sent()).isEqualTo(1);

        assertThat(f.mailer.totalCalls()).isEqualTo(3);
        assertThat(f.mailer.resent).as("attempts made as resends").hasSize(1);
        OutboxEntry sent = outbox(OutboxStatus.SENT).get(0);
        assertThat(sent.lookUpFrom()).as("the hand-over note, cleared once the receipt is stored").isNull();
    }

    @Test
    @DisplayName("A node that died after handing an email over leaves a note: the node taking over waits a lease more "
            + "than the lease, then looks it up and resends it")
    void nodeDiedMidSend_nextNodeResends() {
        Introduction intro = f.acme().request(adaToBob().build());
        f.mailer.beforeSend = (call, message) -> {
            if (call == 1) {
                throw new Error("the node dies mid-send");
            }
        };
        try {
            f.runDue();
        } catch (Error died) {
            assertThat(died).hasMessage("the node dies mid-send");
        }
        f.mailer.beforeSend = (call, message) -> { };

        EcosystemClient next = f.newNode();
        DueRun afterLease = next.intros().runDue(f.clock.instant().plus(LEASE));
        assertThat(afterLease.sent()).as("taken over, but the dead node's call may still be under way").isZero();
        assertThat(f.mailer.totalCalls()).isEqualTo(1);

        DueRun leaseLater = next.intros().runDue(f.clock.instant().plus(LEASE.multipliedBy(2)));
        assertThat(leaseLater.sent()).isEqualTo(1);
        EmailMessage ask = f.askOf(intro, IntroParty.TARGET);
        assertThat(f.mailer.resent).containsExactly(ask.messageId());
    }

    private static void awaitLeaseAfter(IntroFixture fixture, Instant at) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (fixture.store.inTransaction(tx -> tx.outbox().list(IntroFixture.ACME, OutboxStatus.PENDING,
                PageRequest.first(10)).items()).stream().anyMatch(entry -> !entry.nextAttemptAt().isAfter(at))) {
            assertThat(Instant.now()).as("the lease was renewed in time").isBefore(deadline);
            LockSupport.parkNanos(5_000_000);
        }
    }

    private List<OutboxEntry> outbox(OutboxStatus status) {
        return f.store.inTransaction(tx -> tx.outbox().list(IntroFixture.ACME, status, PageRequest.first(100)))
                .items();
    }
}
