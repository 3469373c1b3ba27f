package dev.ecosystem.intro;

import static dev.ecosystem.intro.IntroFixture.ADA;
import static dev.ecosystem.intro.IntroFixture.BOB;
import static dev.ecosystem.intro.IntroFixture.GLOBEX;
import static dev.ecosystem.intro.IntroFixture.adaToBob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.PageRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad settings and bad requests fail at once, name the field and the value, and store nothing. */
class IntroInputValidationTest {
    @Test
    void settings_refuseBadValues_namingTheField() {
        assertThatThrownBy(() -> IntroSettings.builder().consentUrl("ftp://x.example.com/c").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("consentUrl must be an absolute http(s)");
        assertThatThrownBy(() -> IntroSettings.builder().consentUrl("https://x.example.com/c#frag").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("consentUrl");
        assertThatThrownBy(() -> IntroSettings.builder().expiry(Duration.ZERO).build())
                .isInstanceOf(ValidationException.class).hasMessage("expiry must be positive, but was PT0S");
        assertThatThrownBy(() -> IntroSettings.builder().reminders(Duration.ofDays(1), 11).build())
                .isInstanceOf(ValidationException.class).hasMessage("maxReminders must be between 0 and 10, but was 11");
        assertThatThrownBy(() -> IntroSettings.builder().limits(0, 1, Duration.ofDays(1)).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("maxOpenPerRequester");
        assertThatThrownBy(() -> IntroSettings.builder().retries(3, Duration.ofHours(2), Duration.ofHours(1)).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("maxRetryDelay must be at least");
        assertThat(IntroSettings.defaults().consentKeys().currentKeyId()).isEqualTo("ephemeral");
    }

    @Test
    void request_refusesBadInput_namingTheField() {
        assertThatThrownBy(() -> IntroRequest.builder(ADA, GLOBEX, BOB, "  ").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("context must not be blank");
        assertThatThrownBy(() -> IntroRequest.builder(ADA, GLOBEX, BOB, "x").introducer(ADA).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("introducer must differ");
        assertThatThrownBy(() -> IntroRequest.builder(ADA, GLOBEX, BOB, "x").idempotencyKey("a\nb").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("idempotencyKey must not contain "
                        + "control characters");
        assertThatThrownBy(() -> IntroRequest.builder(ADA, GLOBEX, BOB, "x").facts("a\r\nBcc: x").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("fact");
        assertThatThrownBy(() -> IntroRequest.builder(ADA, GLOBEX, BOB, "x")
                .message("Subject\r\nBcc: evil@example.com", "{acceptUrl} {declineUrl}").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("subject must not contain control");
        assertThatThrownBy(() -> IntroRequest.builder(ADA, GLOBEX, BOB, "x".repeat(4001)).build())
                .isInstanceOf(ValidationException.class).hasMessage("context must be at most 4000 characters, but was "
                        + "4001");
    }

    @Test
    void badAnswers_storeNothing() {
        IntroFixture f = new IntroFixture();
        Introduction intro = f.acme().request(adaToBob().build());

        assertThatThrownBy(() -> f.globex().decline(intro.id(), BOB, "x".repeat(2001), true))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reason must be at most 2000");
        assertThatThrownBy(() -> f.acme().cancel(intro.id(), " "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reason must not be blank");
        assertThatThrownBy(() -> f.client.intros().scheduleOn(
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(), Duration.ZERO))
                .isInstanceOf(ValidationException.class).hasMessageContaining("every must be positive");
        assertThat(f.acme().get(intro.id()).version()).isZero();
        assertThat(f.acme().list(PageRequest.first(5)).items()).hasSize(1);
    }
}
