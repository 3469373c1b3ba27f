package dev.ecosystem.intro;

import static dev.ecosystem.intro.IntroFixture.ADA;
import static dev.ecosystem.intro.IntroFixture.BOB;
import static dev.ecosystem.intro.IntroFixture.GLOBEX;
import static dev.ecosystem.intro.IntroFixture.IVY;
import static dev.ecosystem.intro.IntroFixture.SECRET;
import static dev.ecosystem.intro.IntroFixture.adaToBob;
import static dev.ecosystem.intro.IntroFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.ConsentTokens;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.ConsentStatus;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Consent links end to end: forged, tampered, expired, replayed, cross-introduction and ended-introduction tokens
 * are refused, and a refused token changes nothing.
 */
class ConsentLinkSecurityTest {
    private final IntroFixture f = new IntroFixture();

    private Introduction requestAndSend() {
        Introduction intro = f.acme().request(adaToBob().build());
        f.runDue();
        return intro;
    }

    private void assertUnchanged(Introduction intro) {
        Introduction now = f.acme().get(intro.id());
        assertThat(now.status()).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
        assertThat(now.consent(IntroParty.TARGET).status()).isEqualTo(ConsentStatus.PENDING);
    }

    @Test
    void replayedLink_isRefused_evenForTheOtherDecision() {
        requestAndSend();
        String accept = token(f.lastTo("bob@globex.com"), true);
        String decline = token(f.lastTo("bob@globex.com"), false);
        f.client.intros().redeem(accept, null, false);

        assertThatThrownBy(() -> f.client.intros().redeem(accept, null, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("has ended (CONNECTED)");
        assertThatThrownBy(() -> f.client.intros().redeem(decline, "changed my mind", true))
                .isInstanceOf(ConflictException.class);
        f.runDue();
        assertThat(f.sentTo("ada@acme.io")).hasSize(1);
    }

    @Test
    void replayedLink_whileTheIntroductionStillWaits_isRefusedAsAlreadyAnswered() {
        Introduction intro = f.acme().request(adaToBob().introducer(IVY).build());
        f.runDue();
        String adaAccept = token(f.lastTo("ada@acme.io"), true);
        f.client.intros().redeem(adaAccept, null, false);

        assertThatThrownBy(() -> f.client.intros().redeem(adaAccept, null, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already answered (ACCEPTED");
        assertThat(f.acme().get(intro.id()).status()).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
    }

    @Test
    void forgedLink_signedWithAnotherKey_isRefused() {
        Introduction intro = requestAndSend();
        Introduction stored = f.acme().get(intro.id());
        ConsentTokens forger = new ConsentTokens(ConsentKeys.of("k1", IntroFixture.secret((byte) 9)),
                "https://evil.example.com/");
        String forged = forger.issue(new ConsentTokens.Claim(intro.requesterCompany(), intro.id(), IntroParty.TARGET,
                ConsentStatus.ACCEPTED, stored.consent(IntroParty.TARGET).tokenId(), intro.expiresAt()));

        assertThatThrownBy(() -> f.client.intros().redeem(forged, null, false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("signature does not match");
        assertUnchanged(intro);
    }

    @Test
    void tamperedLink_turningADeclineIntoAnAccept_isRefused() {
        Introduction intro = requestAndSend();
        String decline = token(f.lastTo("bob@globex.com"), false);
        String[] parts = decline.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("DECLINED", "ACCEPTED");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThatThrownBy(() -> f.client.intros().redeem(tampered, null, false))
                .isInstanceOf(ValidationException.class);
        assertUnchanged(intro);
    }

    @Test
    void anotherSpellingOfTheSameSignature_isRefused() {
        Introduction intro = requestAndSend();
        String accept = token(f.lastTo("bob@globex.com"), true);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = accept.charAt(accept.length() - 1);
        // a 32-byte signature is 43 characters: the last one's two low bits are unused, so flipping one decodes the same
        String lowBitFlipped = accept.substring(0, accept.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        assertThat(Base64.getUrlDecoder().decode(lowBitFlipped.substring(lowBitFlipped.lastIndexOf('.') + 1)))
                .isEqualTo(Base64.getUrlDecoder().decode(accept.substring(accept.lastIndexOf('.') + 1)));

        for (String respelled : new String[] {lowBitFlipped, accept + "="}) {
            assertThatThrownBy(() -> f.client.intros().redeem(respelled, null, false))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("canonical base64url");
        }
        assertUnchanged(intro);
    }

    @Test
    void expiredLink_isRefused_atItsExpiryInstant() {
        Introduction intro = requestAndSend();
        String accept = token(f.lastTo("bob@globex.com"), true);
        f.clock.set(intro.expiresAt());

        assertThatThrownBy(() -> f.client.intros().redeem(accept, null, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("expired at " + intro.expiresAt());
        f.clock.set(intro.expiresAt().minusNanos(1));
        assertThat(f.client.intros().redeem(accept, null, false).status()).isEqualTo(IntroductionStatus.CONNECTED);
    }

    @Test
    void linkOfOneIntroduction_cannotAnswerAnother() {
        Introduction first = requestAndSend();
        Introduction second = f.acme().request(IntroRequest.builder(IVY, GLOBEX, BOB, "other").build());
        Introduction storedFirst = f.acme().get(first.id());
        // a validly signed token naming the second introduction but carrying the first one's token id
        ConsentTokens sameKeys = new ConsentTokens(ConsentKeys.of("k1", SECRET), "https://app.example.com/");
        String crossed = sameKeys.issue(new ConsentTokens.Claim(second.requesterCompany(), second.id(),
                IntroParty.TARGET, ConsentStatus.ACCEPTED, storedFirst.consent(IntroParty.TARGET).tokenId(),
                second.expiresAt()));

        assertThatThrownBy(() -> f.client.intros().redeem(crossed, null, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("does not belong");
        assertUnchanged(second);
        assertUnchanged(first);
    }

    @Test
    void linkForAConsentThatWasNeverAsked_isRefused() {
        Introduction intro = requestAndSend();
        ConsentTokens sameKeys = new ConsentTokens(ConsentKeys.of("k1", SECRET), "https://app.example.com/");
        String requesterLink = sameKeys.issue(new ConsentTokens.Claim(intro.requesterCompany(), intro.id(),
                IntroParty.REQUESTER, ConsentStatus.DECLINED, "guessed", intro.expiresAt()));

        assertThatThrownBy(() -> f.client.intros().redeem(requesterLink, null, false))
                .isInstanceOf(ConflictException.class);
        assertUnchanged(intro);
    }

    @Test
    void linkOfAnEndedIntroduction_isRefused() {
        Introduction intro = requestAndSend();
        String accept = token(f.lastTo("bob@globex.com"), true);
        f.acme().cancel(intro.id(), "withdrawn");

        assertThatThrownBy(() -> f.client.intros().redeem(accept, null, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("has ended (CANCELLED)");
        assertThat(f.acme().get(intro.id()).status()).isEqualTo(IntroductionStatus.CANCELLED);
    }

    @Test
    void garbage_isRefusedAsInvalid() {
        requestAndSend();
        for (String garbage : new String[] {"", "x", "k1..", "k1.AAAA.AAAA", "k1.%%.%%"}) {
            assertThatThrownBy(() -> f.client.intros().redeem(garbage, null, false))
                    .as(garbage).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void keyRotation_linksSignedWithTheRetiredKeyStillWork() {
        IntroFixture before = new IntroFixture();
        Introduction intro = before.acme().request(adaToBob().build());
        before.runDue();
        String oldLink = token(before.lastTo("bob@globex.com"), true);
        IntroFixture after = new IntroFixture(before.store, settings -> settings
                .consentKeys(ConsentKeys.of("k2", IntroFixture.secret((byte) 3)).withRetired("k1", SECRET)));

        assertThat(after.client.intros().redeem(oldLink, null, false).id()).isEqualTo(intro.id());
        IntroFixture withoutOldKey = new IntroFixture(InMemoryPartnerStore.create(), settings -> settings
                .consentKeys(ConsentKeys.of("k2", IntroFixture.secret((byte) 3))));
        assertThatThrownBy(() -> withoutOldKey.client.intros().redeem(oldLink, null, false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unknown key");
    }
}
