package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a mailer reports after a send: enough to find the message again and to keep follow-ups in its thread.
 *
 * @param messageId the RFC 5322 Message-ID that was sent (the one of the {@link EmailMessage})
 * @param providerMessageId the provider's own id for the sent message, or {@code null} (SMTP has none)
 * @param threadId the provider's thread or conversation id, or {@code null}
 * @param sentAt when the provider accepted it
 */
public record MailReceipt(String messageId, @Nullable String providerMessageId, @Nullable String threadId,
        Instant sentAt) {
    /** Validates the required fields. */
    public MailReceipt {
        Checks.text(messageId, "messageId", 250);
        Checks.required(sentAt, "sentAt");
    }
}
