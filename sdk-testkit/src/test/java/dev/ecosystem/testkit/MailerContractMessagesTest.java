package dev.ecosystem.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.model.MailReceipt;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailerContractMessagesTest {
    private static final MailReceipt FIRST = new MailReceipt("<m1@example.org>", "p-1", "t-1",
            Instant.parse("2026-01-01T10:00:00.000000001Z"));

    @Test
    void aRepeatedSendWithAnotherReceipt_failsNamingTheRule() {
        MailReceipt again = new MailReceipt("<m1@example.org>", "p-1", "t-1",
                Instant.parse("2026-01-01T10:00:00.000000002Z"));

        assertThatThrownBy(() -> MailerContract.assertFirstReceipt(again, FIRST))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("the same Message-ID must return the first receipt")
                .hasMessageContaining("2026-01-01T10:00:00.000000001Z")
                .hasMessageContaining("2026-01-01T10:00:00.000000002Z");
    }

    @Test
    void aRepeatedSendWithTheFirstReceipt_passes() {
        assertThatCode(() -> MailerContract.assertFirstReceipt(FIRST, FIRST)).doesNotThrowAnyException();
    }
}
