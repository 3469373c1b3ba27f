package dev.ecosystem.referral;

import static dev.ecosystem.referral.ReferralFixture.CONTOSO;
import static dev.ecosystem.referral.ReferralFixture.NORTHWIND;
import static dev.ecosystem.referral.ReferralFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.ProgramTerms;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationStatus;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The program's protection window takes precedence over the host's {@link ReferralSettings} rule for partners of
 * the program's type; the rule still decides for types without a program.
 */
class ProgramProtectionWindowTest {
    private final ReferralFixture fx = new ReferralFixture(settings -> settings.protectionWindow(Duration.ofDays(30)));

    private PartnerProgram referralProgram(Duration window) {
        return fx.vendor().programs().create(ProgramTerms.builder(PartnerType.REFERRAL, "Referral partners")
                .profile(IdealPartnerProfile.builder(PartnerType.REFERRAL).preferBusiness("agency", 3).build())
                .protectionWindow(window)
                .build());
    }

    @Test
    @DisplayName("a partner of a type with a program is protected for the program's window, others for the rule's")
    void programWindow_takesPrecedence_forItsTypeOnly() {
        referralProgram(Duration.ofDays(180));

        Registration northwind = fx.accepted(NORTHWIND, "Alpha", "alpha.com");
        Registration contoso = fx.accepted(CONTOSO, "Beta", "beta.com");

        assertThat(northwind.protectedUntil()).isEqualTo(T0.plus(Duration.ofDays(180)));
        assertThat(contoso.protectedUntil()).as("SERVICES has no program").isEqualTo(T0.plus(Duration.ofDays(30)));
    }

    @Test
    @DisplayName("the program's protection ends exactly at its window: one nanosecond before it still holds")
    void programWindow_endsAtItsBoundary() {
        referralProgram(Duration.ofDays(180));
        Registration northwind = fx.accepted(NORTHWIND, "Alpha", "alpha.com");

        assertThat(fx.client.referrals().runDue(T0.plus(Duration.ofDays(180)).minusNanos(1))).isZero();
        assertThat(fx.referrals(NORTHWIND).get(northwind.id()).status()).isEqualTo(RegistrationStatus.ACCEPTED);
        assertThat(fx.client.referrals().runDue(T0.plus(Duration.ofDays(180)))).isEqualTo(1);
        assertThat(fx.referrals(NORTHWIND).get(northwind.id()).status()).isEqualTo(RegistrationStatus.EXPIRED);
    }

    @Test
    @DisplayName("changing the program's window applies to registrations accepted afterwards only")
    void changedWindow_appliesToLaterAcceptances() {
        PartnerProgram program = referralProgram(Duration.ofDays(180));
        Registration before = fx.accepted(NORTHWIND, "Alpha", "alpha.com");

        fx.vendor().programs().change(program.id(), program.version(),
                program.terms().toBuilder().protectionWindow(Duration.ofDays(60)).build());
        fx.clock.advance(Duration.ofDays(1));
        Registration after = fx.accepted(NORTHWIND, "Beta", "beta.com");

        assertThat(fx.referrals(NORTHWIND).get(before.id()).protectedUntil()).isEqualTo(T0.plus(Duration.ofDays(180)));
        assertThat(after.protectedUntil()).isEqualTo(T0.plus(Duration.ofDays(61)));
    }
}
