package dev.ecosystem.referral;

import static dev.ecosystem.referral.ReferralFixture.CONTOSO;
import static dev.ecosystem.referral.ReferralFixture.NORTHWIND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationConflict;
import dev.ecosystem.model.RegistrationStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReferralSettingsTest {
    @Test
    void windowAndCap_outOfRange_areRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ReferralSettings.builder().protectionWindow(Duration.ofHours(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("protectionWindow must be between");
        assertThatThrownBy(() -> ReferralSettings.builder().protectionWindow(Duration.ofDays(2000)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("PT48000H");
        assertThatThrownBy(() -> ReferralSettings.builder().openCap(0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("openCap");
    }

    @Test
    void aCapPerPartnership_appliesToThatPartnerOnly() {
        ReferralFixture fx = new ReferralFixture(settings -> settings.openCap(
                partnership -> partnership.type() == PartnerType.REFERRAL ? 1 : 10));
        fx.submit(NORTHWIND, "Alpha", "alpha.com");
        fx.submit(CONTOSO, "Beta", "beta.com");

        assertThat(fx.submit(NORTHWIND, "Gamma", "gamma.com").conflicts()).extracting(RegistrationConflict::kind)
                .containsExactly(RegistrationConflict.Kind.OPEN_CAP_EXCEEDED);
        assertThat(fx.submit(CONTOSO, "Delta", "delta.com").conflicts()).isEmpty();
    }

    @Test
    void aRuleGivingAnInvalidWindow_failsTheAcceptanceClearly_andLeavesItSubmitted() {
        ReferralFixture fx = new ReferralFixture(settings -> settings.protectionWindow(partnership -> Duration.ZERO));
        Registration r = fx.submit(NORTHWIND, "Alpha", "alpha.com");

        assertThatThrownBy(() -> fx.referrals(ReferralFixture.VENDOR).accept(r.id(), null, false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("protectionWindow");
        assertThat(fx.referrals(ReferralFixture.VENDOR).get(r.id()).status()).isEqualTo(RegistrationStatus.SUBMITTED);
    }
}
