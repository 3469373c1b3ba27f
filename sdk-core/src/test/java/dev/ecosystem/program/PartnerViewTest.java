package dev.ecosystem.program;

import static dev.ecosystem.program.BriefFixture.KEYS;
import static dev.ecosystem.program.BriefFixture.NORTHWIND;
import static dev.ecosystem.program.BriefFixture.OTHER_VENDOR;
import static dev.ecosystem.program.BriefFixture.STRANGER;
import static dev.ecosystem.program.BriefFixture.T0;
import static dev.ecosystem.program.BriefFixture.VENDOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.ReferredProspect;
import dev.ecosystem.referral.RegistrationCounts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class PartnerViewTest {
    private static final String REFUSED = "partner-view token is not valid";
    private static final Duration HOUR = Duration.ofHours(1);

    private final BriefFixture fx = new BriefFixture();

    @Test
    void token_grantsItsVendorPartnerAndExpiry_andHidesItselfInToString() {
        PartnerViewToken token = fx.vendor().programs().partnerViewToken(NORTHWIND, HOUR);

        PartnerView view = fx.client.partnerView(token.token());

        assertThat(token.expiresAt()).isEqualTo(T0.plus(HOUR));
        assertThat(view.vendor()).isEqualTo(VENDOR);
        assertThat(view.partner()).isEqualTo(NORTHWIND);
        assertThat(view.expiresAt()).isEqualTo(T0.plus(HOUR));
        assertThat(fx.client.partnerView(token.token(), VENDOR, NORTHWIND).partner()).isEqualTo(NORTHWIND);
        assertThat(token.toString()).doesNotContain(token.token()).contains("***");
        assertThat(fx.events("program.partner-view.issued")).hasSize(1);
    }

    @Test
    void view_readsThePartnersOwnRegistrations_asTheVendorCountsThem() {
        fx.client.as(NORTHWIND).referrals().submit(VENDOR, ReferredProspect.builder("Prospect One", "Pat",
                EmailAddress.of("pat@one.com")).domain("one.com").build(), "k1");
        fx.client.as(BriefFixture.SILENT).referrals().submit(VENDOR, ReferredProspect.builder("Prospect Two", "Pia",
                EmailAddress.of("pia@two.com")).domain("two.com").build(), "k2");
        PartnerView view = fx.client.partnerView(fx.vendor().programs().partnerViewToken(NORTHWIND, HOUR).token());

        RegistrationCounts counts = view.registrations(T0.minus(HOUR), T0.plus(HOUR));

        assertThat(counts.submitted()).isEqualTo(1);
        assertThat(counts).isEqualTo(fx.vendor().referrals().counts(NORTHWIND, T0.minus(HOUR), T0.plus(HOUR)));
        assertThat(view.tier()).isNull();
        fx.vendor().programs().evaluateTiers(fx.program.id(), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1));
        assertThat(view.tier()).isEqualTo("registered").isEqualTo(fx.vendor().programs().tierOf(NORTHWIND));
    }

    @Test
    void token_isValidUpToItsExpiry_andRefusedFromItsExpiryOn_evenForAViewAlreadyVerified() {
        String token = fx.vendor().programs().partnerViewToken(NORTHWIND, HOUR).token();
        Instant expiry = T0.plus(HOUR);

        fx.clock.set(expiry.minusNanos(1));
        PartnerView view = fx.client.partnerView(token);
        assertThat(view.registrations(T0, expiry).submitted()).isZero();

        fx.clock.set(expiry);
        assertRefused(() -> fx.client.partnerView(token));
        assertRefused(() -> view.registrations(T0, expiry));
        assertRefused(view::tier);
    }

    @Test
    void tamperedToken_isRefused_withTheSameMessage() {
        String token = fx.vendor().programs().partnerViewToken(NORTHWIND, HOUR).token();
        String[] parts = token.split("\\.");
        String otherPartner = Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("\n",
                "partner-view/1", VENDOR.value(), BriefFixture.CONTOSO.value(), T0.plus(HOUR).toString())
                .getBytes(StandardCharsets.UTF_8));
        String laterExpiry = Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("\n",
                "partner-view/1", VENDOR.value(), NORTHWIND.value(), T0.plus(Duration.ofDays(900)).toString())
                .getBytes(StandardCharsets.UTF_8));

        for (String forged : List.of(parts[0] + "." + otherPartner + "." + parts[2],
                parts[0] + "." + laterExpiry + "." + parts[2],
                parts[0] + "." + parts[1] + "." + flip(parts[2]),
                "unknown." + parts[1] + "." + parts[2],
                token + ".extra", token.substring(1), "", "not a token", "a.b.c")) {
            assertRefused(() -> fx.client.partnerView(forged));
        }
    }

    @Test
    void tokenOfAnotherVendor_orForAnotherPartner_isRefused_whereTheHostExpectsOthers() {
        String token = fx.vendor().programs().partnerViewToken(NORTHWIND, HOUR).token();

        assertRefused(() -> fx.client.partnerView(token, OTHER_VENDOR, NORTHWIND));
        assertRefused(() -> fx.client.partnerView(token, VENDOR, BriefFixture.CONTOSO));
        assertRefused(() -> fx.client.partnerView(token, NORTHWIND, VENDOR));
    }

    @Test
    void tokenSignedWithOtherKeys_orAnotherPayloadSignedWithTheSameKeys_isRefused() {
        EcosystemClient otherDeployment = EcosystemClient.builder()
                .intros(IntroSettings.builder().consentKeys(ConsentKeys.of("k1",
                        "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII))).build())
                .build();
        String token = fx.vendor().programs().partnerViewToken(NORTHWIND, HOUR).token();

        assertRefused(() -> otherDeployment.partnerView(token));
        assertRefused(() -> fx.client.partnerView(KEYS.sign("consent/1\nacme\nintro\nREQUESTER\nACCEPTED\nx\n"
                + T0.plus(HOUR))));
        assertRefused(() -> fx.client.partnerView(KEYS.sign(String.join("\n", "partner-view/1", VENDOR.value(),
                NORTHWIND.value(), "not an instant"))));
        otherDeployment.close();
    }

    @Test
    void token_ofAPartnershipThatEnded_isRefused() {
        String token = fx.vendor().programs().partnerViewToken(NORTHWIND, HOUR).token();

        fx.vendor().partnerships().changeStatus(fx.vendor().partnerships().findByPartner(NORTHWIND).id(),
                PartnershipStatus.ENDED);

        assertRefused(() -> fx.client.partnerView(token));
    }

    @Test
    void issuing_forACompanyThatIsNoPartner_isNotFound_likeAnUnknownCompany_andTtlIsBounded() {
        String stranger = message(() -> fx.vendor().programs().partnerViewToken(STRANGER, HOUR));
        CompanyId nobody = CompanyId.of("nobody");
        String unknown = message(() -> fx.vendor().programs().partnerViewToken(nobody, HOUR));
        assertThat(stranger.replace(STRANGER.value(), "X")).isEqualTo(unknown.replace(nobody.value(), "X"));

        assertThatThrownBy(() -> fx.vendor().programs().partnerViewToken(NORTHWIND, Duration.ofSeconds(59)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ttl must be between");
        assertThatThrownBy(() -> fx.vendor().programs().partnerViewToken(NORTHWIND, Duration.ofDays(91)))
                .isInstanceOf(ValidationException.class);
        assertThat(fx.vendor().programs().partnerViewToken(NORTHWIND, Duration.ofDays(90)).expiresAt())
                .isEqualTo(T0.plus(Duration.ofDays(90)));
    }

    private static String flip(String text) {
        char last = text.charAt(text.length() - 2);
        return text.substring(0, text.length() - 2) + (last == 'A' ? 'B' : 'A') + text.charAt(text.length() - 1);
    }

    private static String message(ThrowingCallable call) {
        try {
            call.call();
        } catch (NotFoundException e) {
            return e.getMessage();
        } catch (Throwable e) {
            throw new AssertionError("expected a NotFoundException", e);
        }
        throw new AssertionError("expected a NotFoundException");
    }

    private static void assertRefused(ThrowingCallable call) {
        assertThatThrownBy(call).isExactlyInstanceOf(AccessDeniedException.class).hasMessage(REFUSED);
    }
}
