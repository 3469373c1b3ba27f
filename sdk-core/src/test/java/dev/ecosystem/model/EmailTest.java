package dev.ecosystem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @Test
    void emailAddress_lowerCasesTheDomainOnly() {
        EmailAddress address = EmailAddress.of("Ada.Lovelace@Example.COM", "Ada");
        assertThat(address.address()).isEqualTo("Ada.Lovelace@example.com");
        assertThat(address.domain()).isEqualTo("example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "@example.com", "a@", "a@b", "a b@example.com", "a@example.com\r\nBcc: x@y.z",
        "a..b@example.com"})
    void emailAddress_invalid_isRejected(String address) {
        assertThatThrownBy(() -> EmailAddress.of(address)).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("The ASCII scan decides exactly what the address regex decides, on 300,000 random near-addresses")
    void asciiScan_agreesWithTheRegex() {
        Random random = new Random(18);
        String alphabet = "aZ09.-@_+!~'x.-@";
        int valid = 0;
        for (int n = 0; n < 300_000; n++) {
            StringBuilder address = new StringBuilder(random.nextBoolean() ? "ab" : "");
            int length = 1 + random.nextInt(14);
            for (int i = 0; i < length; i++) {
                address.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextBoolean()) {
                address.append(random.nextBoolean() ? ".io" : ".c");
            }
            String candidate = address.toString();
            boolean expected = EmailAddress.matchesRegex(candidate);
            assertThat(EmailAddress.looksValid(candidate)).as(candidate).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).as("the sample holds valid addresses too").isGreaterThan(1_000);
    }

    @Test
    void emailAddress_unicode_isAccepted() {
        assertThat(EmailAddress.of("zoë@bücher.de").domain()).isEqualTo("bücher.de");
    }

    @Test
    void emailMessage_withoutRecipients_isRejected() {
        assertThatThrownBy(() -> EmailMessage.builder("<1@x.io>", EmailAddress.of("a@x.io"), "Hi").build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("to must name at least one recipient");
    }

    @Test
    void emailMessage_badMessageId_isRejectedWithTheValue() {
        assertThatThrownBy(() -> EmailMessage.builder("no-brackets@x.io", EmailAddress.of("a@x.io"), "Hi")
                .to(EmailAddress.of("b@x.io")).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("messageId must be a Message-ID")
                .hasMessageContaining("no-brackets@x.io");
    }

    @Test
    void emailMessage_toString_neverPrintsTheBody() {
        EmailMessage message = EmailMessage.builder("<1@x.io>", EmailAddress.of("a@x.io"), "Hi")
                .to(EmailAddress.of("b@x.io")).text("secret body").build();
        assertThat(message.toString()).doesNotContain("secret body").contains("<1@x.io>");
    }
}
