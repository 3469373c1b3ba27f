package dev.ecosystem.intro;

import static dev.ecosystem.intro.IntroFixture.ACME;
import static dev.ecosystem.intro.IntroFixture.IVY;
import static dev.ecosystem.intro.IntroFixture.SECRET;
import static dev.ecosystem.intro.IntroFixture.adaToBob;
import static dev.ecosystem.intro.IntroFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ecosystem.internal.ConsentTokens;
import dev.ecosystem.model.ConsentStatus;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link IntroOperations#peek}: shows what a consent link asks, refuses exactly what {@code redeem} refuses (same
 * type, same message), and changes nothing: no store change, no event, no email.
 */
class ConsentPeekTest {
    private final IntroFixture f = new IntroFixture();

    private Introduction requestAndSend(IntroRequest request) {
        Introduction intro = f.acme().request(request);
        f.runDue();
        return intro;
    }

    /** Everything a write would move: the change feed, the introduction, the outbox, events and sent mail. */
    private List<Object> footprint(Introduction intro) {
        List<Object> state = new ArrayList<>();
        state.add(f.store.inTransaction(tx -> tx.changes().latestRevision()));
        state.add(f.acme().get(intro.id()));
        for (OutboxStatus status : OutboxStatus.values()) {
            state.add(f.store.inTransaction(tx -> tx.outbox().list(ACME, status, PageRequest.first(100)).items()));
        }
        state.add(List.copyOf(f.events));
        state.add(List.copyOf(f.inbox.sent()));
        return state;
    }

    @Test
    void peek_showsWhoAsksWhyAndUntilWhen_toTheTarget() {
        Introduction intro = requestAndSend(adaToBob().build());
        String accept = token(f.lastTo("bob@globex.com"), true);

        ConsentView view = f.client.intros().peek(accept);

        assertThat(view.introduction()).isEqualTo(intro.id());
        assertThat(view.party()).isEqualTo(IntroParty.TARGET);
        assertThat(view.decision()).isEqualTo(ConsentStatus.ACCEPTED);
        assertThat(view.recipientName()).isEqualTo("Bob Ødegård");
        assertThat(view.requesterName()).isEqualTo("Ada Lovelace");
        assertThat(view.requesterTitle()).isEqualTo("Head of Partnerships");
        assertThat(view.requesterCompany()).isEqualTo("Acme Mail");
        assertThat(view.introducerName()).isNull();
        assertThat(view.targetName()).isEqualTo("Bob Ødegård");
        assertThat(view.targetTitle()).isEqualTo("VP Sales");
        assertThat(view.targetCompany()).isEqualTo("Globex Billing");
        assertThat(view.context()).isEqualTo(intro.context());
        assertThat(view.expiresAt()).isEqualTo(intro.expiresAt());
        assertThat(view.isAnswerableAt(f.clock.instant())).isTrue();
        assertThat(view.isAnswerableAt(intro.expiresAt())).isFalse();
        assertThat(f.client.intros().peek(token(f.lastTo("bob@globex.com"), false)).decision())
                .isEqualTo(ConsentStatus.DECLINED);
    }

    @Test
    void peek_toTheRequestersSide_doesNotNameTheTargetPerson() {
        requestAndSend(adaToBob().introducer(IVY).build());

        ConsentView view = f.client.intros().peek(token(f.lastTo("ada@acme.io"), true));

        assertThat(view.party()).isEqualTo(IntroParty.REQUESTER);
        assertThat(view.recipientName()).isEqualTo("Ada Lovelace");
        assertThat(view.introducerName()).isEqualTo("Ivy Introducer");
        assertThat(view.targetName()).isNull();
        assertThat(view.targetTitle()).isNull();
        assertThat(view.targetCompany()).isEqualTo("Globex Billing");
        assertThat(view.toString()).doesNotContain("Bob");
    }

    @Test
    void peek_changesNothing_andTheLinkStillRedeems() {
        Introduction intro = requestAndSend(adaToBob().build());
        String accept = token(f.lastTo("bob@globex.com"), true);
        List<Object> before = footprint(intro);

        for (int i = 0; i < 3; i++) {
            f.client.intros().peek(accept);
        }
        f.runDue();

        assertThat(footprint(intro)).isEqualTo(before);
        assertThat(f.client.intros().redeem(accept, null, false).status()).isEqualTo(IntroductionStatus.CONNECTED);
    }

    @Test
    void peek_refusesEveryBadLinkExactlyAsRedeem_andChangesNothing() {
        Introduction intro = requestAndSend(adaToBob().build());
        String accept = token(f.askOf(intro, IntroParty.TARGET), true);
        String decline = token(f.askOf(intro, IntroParty.TARGET), false);
        Introduction stored = f.acme().get(intro.id());
        ConsentTokens sameKeys = new ConsentTokens(ConsentKeys.of("k1", SECRET), "https://app.example.com/");
        ConsentTokens otherKey = new ConsentTokens(ConsentKeys.of("k1", IntroFixture.secret((byte) 9)),
                "https://app.example.com/");
        ConsentTokens.Claim real = new ConsentTokens.Claim(ACME, intro.id(), IntroParty.TARGET,
                ConsentStatus.ACCEPTED, stored.consent(IntroParty.TARGET).tokenId(), intro.expiresAt());
        String[] parts = decline.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("DECLINED", "ACCEPTED").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        List<Supplier<String>> badLinks = List.of(
                () -> tampered,
                () -> otherKey.issue(real),
                () -> sameKeys.issue(new ConsentTokens.Claim(ACME, IntroductionId.of("no-such-intro"),
                        IntroParty.TARGET, ConsentStatus.ACCEPTED, real.tokenId(), intro.expiresAt())),
                () -> sameKeys.issue(new ConsentTokens.Claim(ACME, intro.id(), IntroParty.TARGET,
                        ConsentStatus.ACCEPTED, "not-the-current-ask", intro.expiresAt())),
                () -> "k1..",
                () -> "garbage");
        for (Supplier<String> link : badLinks) {
            assertSameRefusal(intro, link.get());
        }

        f.clock.set(intro.expiresAt());
        assertSameRefusal(intro, accept);
        f.clock.set(intro.expiresAt().minusSeconds(1));
        f.acme().cancel(intro.id(), "withdrawn");
        assertSameRefusal(intro, accept);
    }

    @Test
    void peek_refusesAnAnsweredConsentExactlyAsRedeem() {
        Introduction intro = requestAndSend(adaToBob().introducer(IVY).build());
        String adaAccept = token(f.lastTo("ada@acme.io"), true);
        f.client.intros().redeem(adaAccept, null, false);

        assertSameRefusal(intro, adaAccept);
        assertSameRefusal(intro, token(f.lastTo("ada@acme.io"), false));
        assertThat(f.acme().get(intro.id()).status()).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
    }

    private void assertSameRefusal(Introduction intro, String link) {
        List<Object> before = footprint(intro);
        Throwable byPeek = catchThrowable(() -> f.client.intros().peek(link));
        assertThat(footprint(intro)).as("peek changed something for %s", link).isEqualTo(before);
        Throwable byRedeem = catchThrowable(() -> f.client.intros().redeem(link, null, false));

        assertThat(byRedeem).as("redeem must refuse %s", link).isNotNull();
        assertThat(byPeek).as("peek must refuse %s", link).isNotNull();
        assertThat(byPeek.getClass()).isEqualTo(byRedeem.getClass());
        assertThat(byPeek.getMessage()).isEqualTo(byRedeem.getMessage());
    }
}
