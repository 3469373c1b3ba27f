package dev.ecosystem.program;

import static dev.ecosystem.program.BriefFixture.NORTHWIND;
import static dev.ecosystem.program.BriefFixture.OTHER_VENDOR;
import static dev.ecosystem.program.BriefFixture.VENDOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.ContactOrigin;
import dev.ecosystem.spi.support.ForwardingTransaction;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.spi.BriefDraft;
import dev.ecosystem.spi.BriefRequest;
import dev.ecosystem.spi.OutboxRepository;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import dev.ecosystem.model.BriefSection;
import dev.ecosystem.model.BriefStatus;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.ProgramBrief;

class BriefsTest {
    private final BriefFixture fx = new BriefFixture();
    private final ProgramId id = fx.program.id();

    @Test
    void brief_ofARealProgram_isDraftedFromItsTermsIntoEverySection() {
        ProgramBrief brief = fx.vendor().programs().brief(id);

        assertThat(brief.version()).isEqualTo(1);
        assertThat(brief.status()).isEqualTo(BriefStatus.DRAFT);
        assertThat(brief.programVersion()).isEqualTo(1);
        assertThat(brief.vendor()).isEqualTo(VENDOR);
        assertThat(brief.title()).isEqualTo("Referral partners: partner brief from Acme Mail");
        assertThat(brief.section(BriefSection.IDEAL_PARTNER)).contains("referral partners",
                "- must be a business in agency", "- ideally a business in email marketing",
                "- ideally with people working in head of partnerships", "- not a business in competitor");
        assertThat(brief.section(BriefSection.IDEAL_PARTNER).indexOf("email marketing"))
                .isLessThan(brief.section(BriefSection.IDEAL_PARTNER).indexOf("head of partnerships"));
        assertThat(brief.section(BriefSection.VALUE_PROPOSITION)).isEqualTo("Earn 10% on every customer you refer.");
        assertThat(brief.section(BriefSection.GOOD_REFERRAL)).contains("not already a customer of Acme Mail");
        assertThat(brief.section(BriefSection.HOW_TO_REGISTER)).contains("protected for 180 days",
                "- Sign the partner agreement");
        assertThat(brief.section(BriefSection.COMMISSION)).contains(
                "- 10% of the revenue credited to you (plan \"Referral 2026\", sourced attribution)",
                "- 15% at tier gold", "- 12% from a yearly volume of 50000, on the volume above it",
                "- at most 20000 per calendar year", "held 30 days", "within 90 days of the close",
                "Tiers, from the first: registered, gold.");
        assertThat(brief.note()).isNull();
        assertThat(fx.events("program.brief.drafted")).hasSize(1);
    }

    @Test
    void brief_calledAgain_returnsTheStoredVersion_withoutDraftingAgain() {
        AtomicInteger drafts = new AtomicInteger();
        BriefFixture counted = new BriefFixture(InMemoryPartnerStore.create(), request -> {
            drafts.incrementAndGet();
            return TemplateBriefDrafter.create().draft(request);
        });

        ProgramBrief first = counted.vendor().programs().brief(counted.program.id());
        ProgramBrief again = counted.vendor().programs().brief(counted.program.id());

        assertThat(again).isEqualTo(first);
        assertThat(drafts).hasValue(1);
        assertThat(counted.briefs().latest(counted.program.id())).isEqualTo(first);
    }

    @Test
    void drafter_neverRunsInsideAStoreTransaction() {
        TrackingStore store = new TrackingStore(InMemoryPartnerStore.create());
        AtomicInteger calls = new AtomicInteger();
        BriefFixture tracked = new BriefFixture(store, request -> {
            calls.incrementAndGet();
            assertThat(store.open.get()).as("a transaction is open while drafting").isFalse();
            return TemplateBriefDrafter.create().draft(request);
        });

        tracked.vendor().programs().brief(tracked.program.id());
        tracked.briefs().draft(tracked.program.id());

        assertThat(calls).hasValue(2);
    }

    @Test
    void drafter_thatThrows_fallsBackToTheTemplate_andSaysSo() {
        BriefFixture broken = new BriefFixture(InMemoryPartnerStore.create(), request -> {
            throw new IllegalStateException("model down");
        });

        ProgramBrief brief = broken.vendor().programs().brief(broken.program.id());

        assertThat(brief.section(BriefSection.VALUE_PROPOSITION)).isEqualTo("Earn 10% on every customer you refer.");
        assertThat(brief.note()).contains("IllegalStateException", "template");
    }

    @Test
    void html_escapesHostileProgramText_andLoadsNothing() {
        String hostile = "<script>alert('x')</script> \"quoted\" & <img src=x onerror=alert(1)>";
        PartnerProgram changed = fx.vendor().programs().change(id, 1, fx.program.terms().toBuilder()
                .valueProposition(hostile).build());
        ProgramBrief brief = fx.briefs().draft(changed.id());
        brief = fx.briefs().edit(id, brief.version(), Map.of(BriefSection.GOOD_REFERRAL,
                "</section><a href=\"https://evil.example\">click</a>\n\n- <b>bold</b>\n- two"));

        String html = brief.toHtml();

        // hostile markup stays text: no element or attribute of its own reaches the page
        assertThat(html).doesNotContain("<script", "<img", "<a ", "<b>", "href=\"", "</section><a")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot; &amp; &lt;img",
                        "&lt;/section&gt;&lt;a href=&quot;https://evil.example&quot;&gt;",
                        "<li>&lt;b&gt;bold&lt;/b&gt;</li>",
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                                + "style-src 'unsafe-inline'\">")
                .startsWith("<!DOCTYPE html>");
        assertThat(html.split("<section>", -1)).hasSize(BriefSection.values().length + 1);
        assertThat(brief.toText()).contains(hostile);
    }

    @Test
    void json_hasTheDocumentedShape() throws Exception {
        ProgramBrief brief = fx.vendor().programs().brief(id);

        JsonNode json = new ObjectMapper().readTree(brief.toJson());

        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("programId", "vendorId", "version", "status", "programVersion", "title",
                "sections", "draftedAt", "approvedAt");
        assertThat(json.get("programId").asText()).isEqualTo(id.value());
        assertThat(json.get("vendorId").asText()).isEqualTo("acme");
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("status").asText()).isEqualTo("DRAFT");
        assertThat(json.get("approvedAt").isNull()).isTrue();
        assertThat(json.get("draftedAt").asText()).isEqualTo(BriefFixture.T0.toString());
        assertThat(json.get("sections")).hasSize(5);
        for (int i = 0; i < BriefSection.values().length; i++) {
            BriefSection section = BriefSection.values()[i];
            JsonNode node = json.get("sections").get(i);
            assertThat(node.get("key").asText()).isEqualTo(section.name());
            assertThat(node.get("heading").asText()).isEqualTo(section.heading());
            assertThat(node.get("text").asText()).isEqualTo(brief.section(section));
        }
    }

    @Test
    void edit_ofADraft_replacesItInPlace_andKeepsTheOtherSections() {
        ProgramBrief draft = fx.vendor().programs().brief(id);

        ProgramBrief edited = fx.briefs().edit(id, 1, Map.of(BriefSection.VALUE_PROPOSITION, "  New pitch.  "));

        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited.status()).isEqualTo(BriefStatus.DRAFT);
        assertThat(edited.section(BriefSection.VALUE_PROPOSITION)).isEqualTo("New pitch.");
        assertThat(edited.section(BriefSection.COMMISSION)).isEqualTo(draft.section(BriefSection.COMMISSION));
        assertThat(fx.briefs().version(id, 1)).isEqualTo(edited);
    }

    @Test
    void edit_afterApproval_makesTheNextVersionADraft_andTheApprovedOneStays() {
        fx.vendor().programs().brief(id);
        ProgramBrief approved = fx.briefs().approve(id, 1);

        ProgramBrief next = fx.briefs().edit(id, 1, Map.of(BriefSection.COMMISSION, "- 11% of everything"));

        assertThat(approved.status()).isEqualTo(BriefStatus.APPROVED);
        assertThat(approved.approvedAt()).isEqualTo(BriefFixture.T0);
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.status()).isEqualTo(BriefStatus.DRAFT);
        assertThat(next.programVersion()).isEqualTo(1);
        assertThat(fx.briefs().version(id, 1)).isEqualTo(approved);
        assertThat(fx.briefs().latest(id)).isEqualTo(next);
    }

    @Test
    void edit_orApprove_ofAVersionThatIsNotTheLatest_isAConflict_andChangesNothing() {
        fx.vendor().programs().brief(id);
        fx.briefs().approve(id, 1);
        ProgramBrief second = fx.briefs().edit(id, 1, Map.of(BriefSection.COMMISSION, "- 11%"));

        assertThatThrownBy(() -> fx.briefs().edit(id, 1, Map.of(BriefSection.COMMISSION, "- 12%")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is at version 2, not 1");
        assertThatThrownBy(() -> fx.briefs().approve(id, 1)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> fx.briefs().approve(id, 3)).isInstanceOf(ConflictException.class);
        assertThat(fx.briefs().latest(id)).isEqualTo(second);
    }

    @Test
    void approve_twice_isAConflict() {
        fx.vendor().programs().brief(id);
        ProgramBrief approved = fx.briefs().approve(id, 1);

        assertThatThrownBy(() -> fx.briefs().approve(id, 1)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already approved");
        assertThat(fx.briefs().latest(id)).isEqualTo(approved);
    }

    @Test
    void edit_withBlankOrTooLongOrNoSections_isRefused_andTheDraftIsUntouched() {
        ProgramBrief draft = fx.vendor().programs().brief(id);

        assertThatThrownBy(() -> fx.briefs().edit(id, 1, Map.of(BriefSection.COMMISSION, "  ")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("brief section COMMISSION");
        assertThatThrownBy(() -> fx.briefs().edit(id, 1, Map.of(BriefSection.COMMISSION,
                "x".repeat(ProgramBrief.MAX_SECTION_LENGTH + 1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 4000 characters");
        assertThatThrownBy(() -> fx.briefs().edit(id, 1, Map.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least one section");
        Map<BriefSection, String> nullKey = new HashMap<>();
        nullKey.put(null, "text");
        assertThatThrownBy(() -> fx.briefs().edit(id, 1, nullKey)).isInstanceOf(ValidationException.class);
        assertThat(fx.briefs().latest(id)).isEqualTo(draft);
    }

    @Test
    void draft_afterTheProgramChanged_isTheNextVersion_fromTheNewProgramVersion() {
        fx.vendor().programs().brief(id);
        fx.vendor().programs().change(id, 1, fx.program.terms().toBuilder().protectionWindow(
                java.time.Duration.ofDays(30)).build());

        ProgramBrief redrafted = fx.briefs().draft(id);

        assertThat(redrafted.version()).isEqualTo(2);
        assertThat(redrafted.programVersion()).isEqualTo(2);
        assertThat(redrafted.section(BriefSection.HOW_TO_REGISTER)).contains("protected for 30 days");
    }

    @Test
    void send_beforeApproval_isRefused_andEnqueuesNothing() {
        fx.vendor().programs().brief(id);

        assertThatThrownBy(() -> fx.briefs().send(id)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("no approved version");
        assertThat(fx.outbox()).isEmpty();
    }

    @Test
    void send_reachesTheProgramsActiveAndRecruitedPartners_theirPartnerContactsOnly_neverOneWhoOptedOut() {
        fx.vendor().programs().brief(id);
        ProgramBrief approved = fx.briefs().approve(id, 1);

        BriefSending sending = fx.briefs().send(id);

        assertThat(sending).isEqualTo(new BriefSending(id, 1, 3, 0, 1));
        // northwind: nia (partnerships role) and ivy (intake); not sam (sales) nor olga (opted out);
        // contoso (recruited): cleo; not lapsed (paused), builders (services), silent (no partner contact), stranger
        assertThat(fx.recipients()).containsExactly("cleo@contoso.example", "ivy@northwind.example",
                "nia@northwind.example");
        OutboxEntry entry = fx.outbox().get(0);
        assertThat(entry.tenant()).isEqualTo(VENDOR);
        assertThat(ContactOrigin.cause(entry.origin())).isEqualTo("brief:" + id.value() + ":1");
        assertThat(ContactOrigin.parse(entry.origin())).isEqualTo(new ContactOrigin.Ref(
                entry.message().to().get(0).address().startsWith("cleo") ? BriefFixture.CONTOSO : NORTHWIND,
                ContactId.of(entry.message().to().get(0).address().split("@")[0])));
        assertThat(entry.message().subject()).isEqualTo(approved.title());
        assertThat(entry.message().htmlBody()).isEqualTo(approved.toHtml());
        assertThat(entry.message().textBody()).contains(approved.section(BriefSection.COMMISSION));
        assertThat(entry.message().from().displayName()).startsWith("Acme Mail via ");
        assertThat(deliveries(fx, id)).isEqualTo(3);
        assertThat(fx.events("program.brief.sent")).singleElement()
                .satisfies(event -> assertThat(event.attributes()).containsEntry("enqueued", "3"));
    }

    @Test
    void aContactWhoOptsOutAfterTheBriefWasEnqueued_isNotEmailed_theEntryIsParked() {
        fx.vendor().programs().brief(id);
        fx.briefs().approve(id, 1);
        fx.briefs().send(id);
        fx.client.as(NORTHWIND).contacts().setOptedOut(ContactId.of("nia"), true);

        fx.client.intros().runDue(BriefFixture.T0);

        assertThat(fx.mailer.sent()).flatExtracting(message -> message.to()).extracting(to -> to.address())
                .containsExactlyInAnyOrder("cleo@contoso.example", "ivy@northwind.example");
        assertThat(fx.client.intros().parked(VENDOR, PageRequest.first(10)).items()).singleElement()
                .satisfies(parked -> assertThat(parked.lastError()).contains("contact nia of northwind opted out"));
    }

    @Test
    void send_again_enqueuesNothingNew_andSaysSo() {
        fx.vendor().programs().brief(id);
        fx.briefs().approve(id, 1);
        fx.briefs().send(id);

        BriefSending again = fx.briefs().send(id);

        assertThat(again.enqueued()).isZero();
        assertThat(again.nothingNew()).isTrue();
        assertThat(again.alreadySent()).isEqualTo(3);
        assertThat(fx.outbox()).hasSize(3);
    }

    @Test
    void send_reachesOnlyNewRecipients_ofAVersionAlreadySent() {
        fx.vendor().programs().brief(id);
        fx.briefs().approve(id, 1);
        fx.briefs().send(id);
        fx.vendor().partnerships().changeStatus(fx.vendor().partnerships().findByPartner(BriefFixture.LAPSED).id(),
                dev.ecosystem.model.PartnershipStatus.ACTIVE);

        BriefSending again = fx.briefs().send(id);

        assertThat(again.enqueued()).isEqualTo(1);
        assertThat(fx.recipients()).contains("lars@lapsed.example").hasSize(4);
    }

    @Test
    void send_whileANewerDraftWaits_sendsTheApprovedVersion_andANewlyApprovedVersionGoesOutOnce() {
        fx.vendor().programs().brief(id);
        fx.briefs().approve(id, 1);
        fx.briefs().send(id);
        fx.briefs().edit(id, 1, Map.of(BriefSection.COMMISSION, "- 11% of everything"));

        assertThat(fx.briefs().send(id)).isEqualTo(new BriefSending(id, 1, 0, 3, 1));

        fx.briefs().approve(id, 2);
        assertThat(fx.briefs().send(id)).isEqualTo(new BriefSending(id, 2, 3, 0, 1));
        assertThat(fx.briefs().send(id).enqueued()).isZero();
        assertThat(fx.outbox()).hasSize(6);
    }

    @Test
    void send_failingToEnqueue_recordsNoDelivery_soALaterSendReachesEveryone() {
        FailingOutboxStore store = new FailingOutboxStore(InMemoryPartnerStore.create());
        BriefFixture failing = new BriefFixture(store, TemplateBriefDrafter.create());
        ProgramId program = failing.program.id();
        failing.vendor().programs().brief(program);
        failing.briefs().approve(program, 1);
        store.fail.set(true);

        assertThatThrownBy(() -> failing.briefs().send(program)).isInstanceOf(IllegalStateException.class);
        assertThat(deliveries(failing, program)).isZero();
        assertThat(failing.outbox()).isEmpty();

        store.fail.set(false);
        assertThat(failing.briefs().send(program).enqueued()).isEqualTo(3);
    }

    @Test
    void anotherVendorsProgram_isNotFound_exactlyLikeAnUnknownOne() {
        fx.vendor().programs().brief(id);
        fx.briefs().approve(id, 1);
        ProgramBriefs theirs = fx.client.as(OTHER_VENDOR).programs().briefs();
        ProgramId unknown = ProgramId.of("no-such-program");

        for (Function<ProgramId, Object> call : List.<Function<ProgramId, Object>>of(
                program -> fx.client.as(OTHER_VENDOR).programs().brief(program), theirs::draft, theirs::latest,
                program -> theirs.version(program, 1), program -> theirs.approve(program, 1),
                program -> theirs.edit(program, 1, Map.of(BriefSection.COMMISSION, "- all of it")),
                theirs::send)) {
            String mine = messageOf(() -> call.apply(id));
            String none = messageOf(() -> call.apply(unknown));
            assertThat(mine.replace(id.value(), "ID")).isEqualTo(none.replace(unknown.value(), "ID"));
        }
        assertThat(fx.briefs().latest(id).status()).isEqualTo(BriefStatus.APPROVED);
        assertThat(fx.outbox()).isEmpty();
    }

    @Test
    void aDrafterReply_missingASection_isRefusedAsADraft() {
        Map<BriefSection, String> sections = new EnumMap<>(BriefSection.class);
        sections.put(BriefSection.COMMISSION, "- 10%");

        assertThatThrownBy(() -> new BriefDraft("Title", sections, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("IDEAL_PARTNER was missing");
    }

    @Test
    void templateDrafter_withoutValuePropositionOrCommissionFacts_stillWritesEverySection() {
        BriefDraft draft = TemplateBriefDrafter.create().draft(new BriefRequest("Acme", "Tech partners",
                dev.ecosystem.model.PartnerType.TECHNOLOGY, List.of(), "", List.of(), 0, List.of(), List.of()));

        assertThat(draft.sections()).hasSize(5);
        assertThat(draft.sections().get(BriefSection.VALUE_PROPOSITION)).contains("Partner with Acme");
        assertThat(draft.sections().get(BriefSection.HOW_TO_REGISTER)).doesNotContain("protected for");
    }

    private static long deliveries(BriefFixture fixture, ProgramId program) {
        return fixture.client.store().inTransaction(tx -> tx.briefs().deliveries(VENDOR, program, 1));
    }

    private static String messageOf(Runnable call) {
        try {
            call.run();
        } catch (NotFoundException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a NotFoundException");
    }

    /** Notes whether a transaction is open, for the drafter to check. */
    private static final class TrackingStore implements PartnerStore {
        private final PartnerStore delegate;
        final AtomicBoolean open = new AtomicBoolean();

        TrackingStore(PartnerStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(Function<StoreTransaction, T> work) {
            return delegate.inTransaction(tx -> {
                open.set(true);
                try {
                    return work.apply(tx);
                } finally {
                    open.set(false);
                }
            });
        }
    }

    /** Fails every outbox enqueue while {@link #fail} is set. */
    private static final class FailingOutboxStore implements PartnerStore {
        private final PartnerStore delegate;
        final AtomicBoolean fail = new AtomicBoolean();

        FailingOutboxStore(PartnerStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(Function<StoreTransaction, T> work) {
            return delegate.inTransaction(tx -> work.apply(new ForwardingTransaction(tx) {
                @Override
                public OutboxRepository outbox() {
                    OutboxRepository outbox = super.outbox();
                    return fail.get() ? new FailingOutbox(outbox) : outbox;
                }
            }));
        }
    }

    private record FailingOutbox(OutboxRepository delegate) implements OutboxRepository {
        @Override
        public void enqueue(OutboxEntry entry) {
            throw new IllegalStateException("outbox down");
        }

        @Override
        public OutboxEntry get(dev.ecosystem.model.OutboxEntryId id) {
            return delegate.get(id);
        }

        @Override
        public List<OutboxEntry> claimDue(java.time.Instant now, java.time.Instant leaseUntil, int limit) {
            return delegate.claimDue(now, leaseUntil, limit);
        }

        @Override
        public void update(OutboxEntry entry) {
            delegate.update(entry);
        }

        @Override
        public dev.ecosystem.model.Page<OutboxEntry> list(dev.ecosystem.model.CompanyId tenant,
                dev.ecosystem.model.OutboxStatus status, dev.ecosystem.model.PageRequest page) {
            return delegate.list(tenant, status, page);
        }
    }
}
