package dev.ecosystem.intro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.spi.Draft;
import dev.ecosystem.spi.DraftKind;
import dev.ecosystem.spi.DraftRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The default drafter: every kind, escaped HTML, links only where given, reasons only when shared. */
class TemplateIntroDrafterTest {
    private static final String ACCEPT = "https://app.example.com/consent?token=k1.abc.def";
    private static final String DECLINE = "https://app.example.com/consent?token=k1.ghi.jkl";
    private final TemplateIntroDrafter drafter = TemplateIntroDrafter.create();

    private static DraftRequest request(DraftKind kind, String recipient, @Nullable String introducer,
            @Nullable String reason) {
        boolean links = kind == DraftKind.CONSENT_ASK || kind == DraftKind.REMINDER;
        return DraftRequest.builder(kind, recipient).requester("Priya Meyer", "Director of Alliances", "Mailcadence")
                .target("Søren Ødegård", null, "Ledgerline").introducer(introducer)
                .context("Shared e-commerce customers <b>& more</b>")
                .sharedFacts(List.of("Both serve customers in: e-commerce"))
                .consentLinks(links ? ACCEPT : null, links ? DECLINE : null).declineReason(reason).build();
    }

    @Test
    void consentAsk_toTarget_namesTheRequesterAndCarriesBothLinks() {
        Draft draft = drafter.draft(request(DraftKind.CONSENT_ASK, "Søren Ødegård", null, null));

        assertThat(draft.subject()).isEqualTo("Introduction to Priya Meyer (Mailcadence)?");
        assertThat(draft.textBody())
                .startsWith("Hi Søren Ødegård,")
                .contains("Priya Meyer, Director of Alliances at Mailcadence would like to be introduced to you.")
                .contains("Shared e-commerce customers <b>& more</b>")
                .contains("- Both serve customers in: e-commerce")
                .contains("Yes, introduce us:\n" + ACCEPT)
                .contains("No, thank you:\n" + DECLINE);
        assertThat(draft.htmlBody())
                .contains("Shared e-commerce customers &lt;b&gt;&amp; more&lt;/b&gt;")
                .doesNotContain("<b>")
                .contains("<a href=\"" + ACCEPT + "\">")
                .contains("<a href=\"" + DECLINE + "\">");
    }

    @Test
    void consentAsk_toRequesterWithIntroducer_namesTheTarget() {
        Draft draft = drafter.draft(request(DraftKind.CONSENT_ASK, "Priya Meyer", "Hana Chen", null));

        assertThat(draft.subject()).isEqualTo("Introduction to Søren Ødegård (Ledgerline)?");
        assertThat(draft.textBody()).contains("Hana Chen would like to introduce you to Søren Ødegård at Ledgerline.");
    }

    @Test
    void reminder_saysItIsOne() {
        Draft draft = drafter.draft(request(DraftKind.REMINDER, "Søren Ødegård", null, null));

        assertThat(draft.subject()).startsWith("Reminder: ");
        assertThat(draft.textBody()).contains("gentle reminder").contains(ACCEPT).contains(DECLINE);
    }

    @Test
    void jointIntroduction_introducesEachToTheOther_withoutLinks() {
        Draft draft = drafter.draft(request(DraftKind.JOINT_INTRODUCTION, "Priya Meyer", "Hana Chen", null));

        assertThat(draft.subject())
                .isEqualTo("Introduction: Priya Meyer (Mailcadence) and Søren Ødegård (Ledgerline)");
        assertThat(draft.textBody())
                .startsWith("Hi Priya Meyer and Søren Ødegård,")
                .contains("Priya Meyer, meet Søren Ødegård at Ledgerline.")
                .contains("Søren Ødegård, meet Priya Meyer, Director of Alliances at Mailcadence.")
                .endsWith("Hana Chen\n")
                .doesNotContain("http");
        assertThat(draft.htmlBody()).doesNotContain("<a ");
    }

    @Test
    void declineNotice_isPolite_andShowsOnlyASharedReason() {
        Draft kept = drafter.draft(request(DraftKind.DECLINE_NOTICE, "Priya Meyer", null, null));
        Draft shared = drafter.draft(request(DraftKind.DECLINE_NOTICE, "Priya Meyer", null, "Busy <until> Q2"));

        assertThat(kept.subject()).isEqualTo("Your introduction to Søren Ødegård (Ledgerline)");
        assertThat(kept.textBody()).contains("will not go ahead this time").doesNotContain("note");
        assertThat(shared.textBody()).contains("They shared a note: \"Busy <until> Q2\"");
        assertThat(shared.htmlBody()).contains("Busy &lt;until&gt; Q2");
    }

    @Test
    void everyKind_hasASingleLineSubject_andNoNote() {
        for (DraftKind kind : DraftKind.values()) {
            Draft draft = drafter.draft(request(kind, "Priya Meyer", null, null));
            assertThat(draft.subject()).doesNotContain("\n").doesNotContain("\r");
            assertThat(draft.note()).isNull();
            assertThat(draft.htmlBody()).startsWith("<!DOCTYPE html>");
        }
    }
}
