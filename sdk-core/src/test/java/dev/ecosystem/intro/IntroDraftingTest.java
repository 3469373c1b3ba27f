package dev.ecosystem.intro;

import static dev.ecosystem.intro.IntroFixture.ACME;
import static dev.ecosystem.intro.IntroFixture.BOB;
import static dev.ecosystem.intro.IntroFixture.GLOBEX;
import static dev.ecosystem.intro.IntroFixture.IVY;
import static dev.ecosystem.intro.IntroFixture.REMIND_AFTER;
import static dev.ecosystem.intro.IntroFixture.adaToBob;
import static dev.ecosystem.intro.IntroFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.Draft;
import dev.ecosystem.spi.DraftKind;
import dev.ecosystem.spi.DraftRequest;
import dev.ecosystem.spi.IntroDrafter;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the drafter (maybe an LLM behind HTTP) is never called while a store transaction is open, and a
 * transaction retried after a conflict never calls it again.
 */
class IntroDraftingTest {
    private final WatchedStore store = new WatchedStore();
    private final WatchingDrafter drafter = new WatchingDrafter(store);
    private final IntroFixture f = new IntroFixture(store, settings -> settings.drafter(drafter));

    @Test
    @DisplayName("A request drafts the target's ask once, outside any transaction, and stores that draft")
    void request_draftsTheAskOutsideTheTransaction() {
        Introduction intro = f.acme().request(adaToBob().build());

        assertThat(drafter.insideTransaction).isEmpty();
        assertThat(drafter.callsByKind()).containsExactlyEntriesOf(Map.of(DraftKind.CONSENT_ASK, 1));
        assertThat(intro.status()).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
        EmailMessage ask = entry(intro.consent(IntroParty.TARGET).askEntry()).message();
        assertThat(ask.subject()).isEqualTo("Introduction to Ada Lovelace (Acme Mail)?");
        assertThat(ask.textBody()).contains(drafter.only(DraftKind.CONSENT_ASK).acceptUrl());
    }

    @Test
    @DisplayName("A request with an introducer drafts both asks once each, outside any transaction")
    void requestWithIntroducer_draftsBothAsksOutsideTheTransaction() {
        Introduction intro = f.acme().request(adaToBob().introducer(IVY).build());

        assertThat(drafter.insideTransaction).isEmpty();
        assertDraftedOnceEach("Ada Lovelace", "Bob Ødegård");
        assertThat(askText(intro, IntroParty.REQUESTER)).startsWith("Hi Ada Lovelace,");
    }

    @Test
    @DisplayName("A preview reads in a transaction and drafts after it")
    void preview_draftsAfterTheTransaction() {
        Draft preview = f.acme().preview(adaToBob().build());

        assertThat(drafter.insideTransaction).isEmpty();
        assertThat(drafter.callsByKind()).containsExactlyEntriesOf(Map.of(DraftKind.CONSENT_ASK, 1));
        assertThat(preview.textBody()).contains(IntroRequest.ACCEPT_LINK);
    }

    @Test
    @DisplayName("Accepting drafts the joint email outside any transaction")
    void accept_draftsTheJointEmailOutsideTheTransaction() {
        Introduction intro = f.acme().request(adaToBob().build());

        Introduction connected = f.globex().accept(intro.id(), BOB);

        assertThat(connected.status()).isEqualTo(IntroductionStatus.CONNECTED);
        assertThat(drafter.insideTransaction).isEmpty();
        assertThat(drafter.callsByKind()).containsEntry(DraftKind.JOINT_INTRODUCTION, 1);
        assertThat(entry(connected.jointEntry()).message().subject()).startsWith("Introduction: Ada Lovelace");
    }

    @Test
    @DisplayName("Declining drafts the notice outside any transaction")
    void decline_draftsTheNoticeOutsideTheTransaction() {
        Introduction intro = f.acme().request(adaToBob().build());

        f.globex().decline(intro.id(), BOB, "Busy this quarter", true);
        f.runDue();

        assertThat(drafter.insideTransaction).isEmpty();
        assertThat(drafter.only(DraftKind.DECLINE_NOTICE).declineReason()).isEqualTo("Busy this quarter");
        assertThat(f.lastTo("ada@acme.io").textBody()).contains("Busy this quarter");
    }

    @Test
    @DisplayName("Redeeming a consent link drafts the joint email outside any transaction")
    void redeem_draftsOutsideTheTransaction() {
        Introduction intro = f.acme().request(adaToBob().build());
        f.runDue();

        Introduction connected = f.client.intros().redeem(token(f.askOf(intro, IntroParty.TARGET), true), null,
                false);

        assertThat(connected.status()).isEqualTo(IntroductionStatus.CONNECTED);
        assertThat(drafter.insideTransaction).isEmpty();
        assertThat(drafter.callsByKind()).containsEntry(DraftKind.JOINT_INTRODUCTION, 1);
    }

    @Test
    @DisplayName("runDue drafts each reminder once, outside any transaction")
    void runDue_draftsRemindersOutsideTheTransaction() {
        f.acme().request(adaToBob().introducer(IVY).build());
        f.clock.advance(REMIND_AFTER);

        DueRun run = f.runDue();

        assertThat(run.reminded()).isEqualTo(2);
        assertThat(drafter.insideTransaction).isEmpty();
        assertThat(drafter.callsByKind()).containsEntry(DraftKind.REMINDER, 2);
        assertThat(drafter.calls).allSatisfy((request, calls) -> assertThat(calls.get()).isEqualTo(1));
        assertThat(f.lastTo("bob@globex.com").subject()).startsWith("Reminder: ");
    }

    @Test
    @DisplayName("A request retried after conflicts at commit drafts each email once")
    void request_conflictsAtCommit_retriedWithoutDraftingAgain() {
        store.conflictOnNextWrites(2);

        Introduction intro = f.acme().request(adaToBob().introducer(IVY).build());

        assertThat(store.conflictsThrown.get()).isEqualTo(2);
        assertDraftedOnceEach("Ada Lovelace", "Bob Ødegård");
        assertThat(intro.status()).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
        assertThat(outbox(OutboxStatus.PENDING)).hasSize(2)
                .allSatisfy(entry -> assertThat(entry.message().subject()).startsWith("Introduction to "));
    }

    @Test
    @DisplayName("An accept retried after a conflict at commit drafts the joint email once")
    void accept_conflictAtCommit_retriedWithoutDraftingAgain() {
        Introduction intro = f.acme().request(adaToBob().build());
        store.conflictOnNextWrites(1);

        Introduction connected = f.globex().accept(intro.id(), BOB);

        assertThat(store.conflictsThrown.get()).isEqualTo(1);
        assertThat(connected.status()).isEqualTo(IntroductionStatus.CONNECTED);
        assertThat(drafter.callsByKind()).containsEntry(DraftKind.JOINT_INTRODUCTION, 1);
    }

    @Test
    @DisplayName("Reminders retried after a conflict at commit are drafted once")
    void reminders_conflictAtCommit_retriedWithoutDraftingAgain() {
        f.acme().request(adaToBob().build());
        f.clock.advance(REMIND_AFTER);
        store.conflictOnNextWrites(1);

        DueRun run = f.runDue();

        assertThat(store.conflictsThrown.get()).isEqualTo(1);
        assertThat(run.reminded()).isEqualTo(1);
        assertThat(drafter.callsByKind()).containsEntry(DraftKind.REMINDER, 1);
    }

    @Test
    @DisplayName("A request with an edited subject and text does not call the drafter for the target's ask")
    void editedRequest_doesNotDraftTheTargetsAsk() {
        f.acme().request(adaToBob().message("Quick intro, Bob?", "Hi Bob, yes: " + IntroRequest.ACCEPT_LINK
                + " or no: " + IntroRequest.DECLINE_LINK).build());

        assertThat(drafter.calls).isEmpty();
        assertThat(outbox(OutboxStatus.PENDING)).singleElement()
                .satisfies(entry -> assertThat(entry.message().subject()).isEqualTo("Quick intro, Bob?"));
    }

    @Test
    @DisplayName("A request whose idempotency key was used returns the first introduction without drafting")
    void repeatedIdempotencyKey_returnsTheFirstWithoutDrafting() {
        Introduction first = f.acme().request(adaToBob().idempotencyKey("req-1").build());
        drafter.calls.clear();

        Introduction again = f.acme().request(adaToBob().idempotencyKey("req-1").build());

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(drafter.calls).isEmpty();
    }

    @Test
    @DisplayName("A contact renamed while the ask was drafted gets a new draft with the new name")
    void contactRenamedWhileDrafting_draftsAgainWithTheNewName() {
        drafter.onFirstCall(request -> f.client.as(GLOBEX).contacts().save(
                Contact.builder(BOB, GLOBEX, "Robert Ødegård", "bob@globex.com").title("VP Sales")
                        .reachableForIntroductions(true).build()));

        Introduction intro = f.acme().request(adaToBob().build());

        assertDraftedOnceEach("Bob Ødegård", "Robert Ødegård");
        assertThat(askText(intro, IntroParty.TARGET)).startsWith("Hi Robert Ødegård,");
    }

    @Test
    @DisplayName("A request whose contact changes during every draft fails after a few rounds and stores nothing")
    void contactRenamedDuringEveryDraft_failsWithAClearError() {
        AtomicInteger renames = new AtomicInteger();
        drafter.onEveryCall(request -> f.client.as(GLOBEX).contacts().save(Contact.builder(BOB, GLOBEX,
                "Bob " + renames.incrementAndGet(), "bob@globex.com").reachableForIntroductions(true).build()));

        assertThatThrownBy(() -> f.acme().request(adaToBob().build()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("drafted 3 times");
        assertThat(outbox(OutboxStatus.PENDING)).isEmpty();
        assertThat(f.store.inTransaction(tx -> tx.introductions().list(ACME, PageRequest.first(10))).items())
                .isEmpty();
    }

    /** One draft for each of these recipients, each drafted once. */
    private void assertDraftedOnceEach(String... recipients) {
        assertThat(drafter.calls.keySet()).extracting(DraftRequest::recipientName)
                .containsExactlyInAnyOrder(recipients);
        assertThat(drafter.calls).allSatisfy((request, calls) -> assertThat(calls.get()).isEqualTo(1));
    }

    private String askText(Introduction intro, IntroParty party) {
        return entry(intro.consent(party).askEntry()).message().textBody();
    }

    private OutboxEntry entry(@Nullable OutboxEntryId id) {
        assertThat(id).isNotNull();
        return store.inTransaction(tx -> tx.outbox().get(id));
    }

    private List<OutboxEntry> outbox(OutboxStatus status) {
        Page<OutboxEntry> page = store.inTransaction(tx -> tx.outbox().list(ACME, status, PageRequest.first(100)));
        return page.items();
    }

    /**
     * The in-memory store, telling whether a transaction is open on the calling thread, and able to fail the next
     * transactions that enqueue an email with a conflict once their work ran, as a commit that lost a race would.
     */
    private static final class WatchedStore implements PartnerStore {
        private final PartnerStore delegate = InMemoryPartnerStore.create();
        private final ThreadLocal<Boolean> open = new ThreadLocal<>();
        private final AtomicInteger conflictsToThrow = new AtomicInteger();
        final AtomicInteger conflictsThrown = new AtomicInteger();

        boolean openOnThisThread() {
            return open.get() != null;
        }

        void conflictOnNextWrites(int times) {
            conflictsToThrow.set(times);
        }

        @Override
        public <T> T inTransaction(Function<StoreTransaction, T> work) {
            return delegate.inTransaction(tx -> {
                open.set(Boolean.TRUE);
                try {
                    int pendingBefore = pendingEmails(tx);
                    T result = work.apply(tx);
                    if (pendingEmails(tx) > pendingBefore && conflictsToThrow.getAndDecrement() > 0) {
                        conflictsThrown.incrementAndGet();
                        throw new ConflictException("injected: a concurrent transaction won the commit");
                    }
                    return result;
                } finally {
                    open.remove();
                }
            });
        }

        /** Every email of the fixture is Acme's (the requester's company): more pending ones means one enqueued. */
        private static int pendingEmails(StoreTransaction tx) {
            return tx.outbox().list(ACME, OutboxStatus.PENDING, PageRequest.first(100)).items().size();
        }
    }

    /** The template drafter, counting calls per request and noting every call made inside a transaction. */
    private static final class WatchingDrafter implements IntroDrafter {
        private final WatchedStore store;
        final Map<DraftRequest, AtomicInteger> calls = new ConcurrentHashMap<>();
        final List<DraftRequest> insideTransaction = Collections.synchronizedList(new ArrayList<>());
        private @Nullable Consumer<DraftRequest> onCall;
        private boolean everyCall;

        WatchingDrafter(WatchedStore store) {
            this.store = store;
        }

        void onFirstCall(Consumer<DraftRequest> action) {
            onCall = action;
            everyCall = false;
        }

        void onEveryCall(Consumer<DraftRequest> action) {
            onCall = action;
            everyCall = true;
        }

        Map<DraftKind, Integer> callsByKind() {
            Map<DraftKind, Integer> byKind = new ConcurrentHashMap<>();
            calls.forEach((request, count) -> byKind.merge(request.kind(), count.get(), Integer::sum));
            return byKind;
        }

        DraftRequest only(DraftKind kind) {
            List<DraftRequest> ofKind = calls.keySet().stream().filter(r -> r.kind() == kind).toList();
            assertThat(ofKind).as("drafts of kind " + kind).hasSize(1);
            return ofKind.get(0);
        }

        @Override
        public Draft draft(DraftRequest request) {
            if (store.openOnThisThread()) {
                insideTransaction.add(request);
            }
            calls.computeIfAbsent(request, r -> new AtomicInteger()).incrementAndGet();
            Consumer<DraftRequest> action = onCall;
            if (action != null) {
                if (!everyCall) {
                    onCall = null;
                }
                action.accept(request);
            }
            return TemplateIntroDrafter.create().draft(request);
        }
    }
}
