package dev.ecosystem.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.spi.Draft;
import dev.ecosystem.spi.DraftKind;
import dev.ecosystem.spi.DraftRequest;
import dev.ecosystem.spi.IntroDrafter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every {@link IntroDrafter} must keep. Extend it in your drafter's test and implement the one hook. A
 * drafter that cannot do better may fall back to a template; the rules below hold for whatever it returns. Each
 * assertion names the rule it checks.
 */
public abstract class IntroDrafterContract {

    /** For subclasses: the adapter's test class extends the kit. */
    protected IntroDrafterContract() {
    }

    private static final String ACCEPT = "https://app.example.com/intro/consent?token=t1.accept";
    private static final String DECLINE = "https://app.example.com/intro/consent?token=t1.decline";

    private IntroDrafter drafter;

    /** The factory hook: the drafter under test. */
    protected abstract IntroDrafter createDrafter();

    @BeforeEach
    void setUpDrafter() {
        drafter = createDrafter();
    }

    @ParameterizedTest
    @EnumSource(DraftKind.class)
    @DisplayName("Every kind of email is drafted for a valid request, with a subject and both bodies")
    void everyKind_isDrafted(DraftKind kind) {
        Draft draft = drafter.draft(request(kind, "Ada Lovelace", "Both sell to logistics firms", ACCEPT, DECLINE));

        assertThat(draft).as("a drafter never returns null for a valid request").isNotNull();
        assertThat(draft.subject()).as("the subject of a " + kind + " email").isNotBlank();
        assertThat(draft.textBody()).as("the text body of a " + kind + " email").isNotBlank();
        assertThat(draft.htmlBody()).as("the HTML body of a " + kind + " email").isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(value = DraftKind.class, names = {"CONSENT_ASK", "REMINDER"})
    @DisplayName("A consent ask and a reminder carry both consent links, in the text and in the HTML")
    void consentEmails_carryBothLinks(DraftKind kind) {
        Draft draft = drafter.draft(request(kind, "Ada Lovelace", "Both sell to logistics firms", ACCEPT, DECLINE));

        for (String link : List.of(ACCEPT, DECLINE)) {
            assertThat(draft.textBody()).as("a " + kind + " must carry the consent link " + link
                    + " in its text body: without it the person cannot answer").contains(link);
            assertThat(draft.htmlBody()).as("a " + kind + " must carry the consent link " + link
                    + " in its HTML body").contains(link);
        }
    }

    @ParameterizedTest
    @EnumSource(DraftKind.class)
    @DisplayName("Markup in a name, a company or the context stays text in the HTML body")
    void userText_isEscapedInHtml(DraftKind kind) {
        DraftRequest request = DraftRequest.builder(kind, "Grace <b onmouseover=alert(2)>Hopper</b>")
                .requester("Ada <script>alert(1)</script>", null, "Acme <img src=x onerror=alert(3)>")
                .target("Grace Hopper", null, "Globex <iframe src=//evil.example>")
                .context("Talk <script>steal()</script> soon")
                .consentLinks(consentLink(kind, ACCEPT), consentLink(kind, DECLINE))
                .declineReason(kind == DraftKind.DECLINE_NOTICE ? "<script>x()</script>" : null).build();

        String html = drafter.draft(request).htmlBody().toLowerCase(Locale.ROOT);

        for (String markup : List.of("<script", "<b onmouseover", "<img", "<iframe")) {
            assertThat(html).as("user text must be escaped in the HTML of a " + kind + " email: the request's "
                    + markup + "...> became markup").doesNotContain(markup);
        }
    }

    @ParameterizedTest
    @EnumSource(DraftKind.class)
    @DisplayName("Only the request's consent links become links: a URL written in the context does not")
    void onlyConsentLinks_becomeAnchors(DraftKind kind) {
        Draft draft = drafter.draft(request(kind, "Ada Lovelace",
                "See https://evil.example/login before we talk", consentLink(kind, ACCEPT),
                consentLink(kind, DECLINE)));

        assertThat(draft.htmlBody()).as("a URL the requester wrote must not become a link in a " + kind
                + " email (phishing through introductions)").doesNotContain("href=\"https://evil.example");
    }

    @Test
    @DisplayName("Drafting from many threads at once gives each request its own email")
    void concurrentDrafting_keepsEachRequestsOwnLinks() throws Exception {
        int requests = 120;
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Draft>> drafts = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                DraftRequest request = request(DraftKind.CONSENT_ASK, "Requester " + i, "Reason " + i,
                        numbered(ACCEPT, i), numbered(DECLINE, i));
                drafts.add(threads.submit(() -> drafter.draft(request)));
            }
            for (int i = 0; i < requests; i++) {
                String text = drafts.get(i).get(1, TimeUnit.MINUTES).textBody();
                assertThat(text).as("a drafter must be thread-safe: request %d got an email without its own "
                        + "consent link", i).contains(numbered(ACCEPT, i));
                for (int other = 0; other < requests; other++) {
                    if (other != i) {
                        assertThat(text).as("a drafter must be thread-safe: request %d got the consent link of "
                                + "request %d", i, other).doesNotContain(numbered(ACCEPT, other));
                    }
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** A link of its own per request; none is the start of another. */
    private static String numbered(String link, int request) {
        return link.replace("t1.", "r" + request + "x.");
    }

    private static @Nullable String consentLink(DraftKind kind, String link) {
        return kind == DraftKind.CONSENT_ASK || kind == DraftKind.REMINDER ? link : null;
    }

    private static DraftRequest request(DraftKind kind, String requester, String context, @Nullable String accept,
            @Nullable String decline) {
        boolean consent = kind == DraftKind.CONSENT_ASK || kind == DraftKind.REMINDER;
        return DraftRequest.builder(kind, kind == DraftKind.DECLINE_NOTICE ? requester : "Grace Hopper")
                .requester(requester, "VP Partnerships", "Acme").target("Grace Hopper", "CTO", "Globex")
                .context(context).sharedFacts(List.of("12 shared customers"))
                .consentLinks(consent ? accept : null, consent ? decline : null)
                .declineReason(kind == DraftKind.DECLINE_NOTICE ? "not a fit this quarter" : null).build();
    }
}
