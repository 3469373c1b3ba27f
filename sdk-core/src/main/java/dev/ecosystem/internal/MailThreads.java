package dev.ecosystem.internal;

import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.OutboxEntry;

/** Threading of follow-up emails (reminders) the SDK enqueues. */
public final class MailThreads {
    private MailThreads() {
    }

    /**
     * Makes {@code message} a reply in the thread of the earlier outbox entry: its references plus its Message-ID,
     * In-Reply-To, and the provider's thread id once the earlier one was sent (else the one it was given).
     */
    public static EmailMessage.Builder replyTo(EmailMessage.Builder message, OutboxEntry earlierEntry) {
        EmailMessage earlier = earlierEntry.message();
        earlier.references().forEach(message::reference);
        return message.reference(earlier.messageId()).inReplyTo(earlier.messageId())
                .threadId(earlierEntry.receipt() != null ? earlierEntry.receipt().threadId() : earlier.threadId());
    }
}
