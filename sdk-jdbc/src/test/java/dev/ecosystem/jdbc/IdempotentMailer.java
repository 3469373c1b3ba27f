package dev.ecosystem.jdbc;

import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.spi.Mailer;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A mail provider several test nodes share, idempotent on Message-ID as the {@link Mailer} contract asks: it delivers
 * a Message-ID once and answers a repeat with the first receipt. It keeps what it delivered and which Message-IDs
 * were sent again.
 */
class IdempotentMailer implements Mailer {
    private final Clock clock;
    private final Map<String, MailReceipt> receipts = new HashMap<>();
    private final Map<String, EmailMessage> delivered = new HashMap<>();
    private final Set<String> repeated = new HashSet<>();

    IdempotentMailer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized MailReceipt send(EmailMessage message) {
        MailReceipt earlier = receipts.get(message.messageId());
        if (earlier != null) {
            repeated.add(message.messageId());
            return earlier;
        }
        MailReceipt receipt = new MailReceipt(message.messageId(), "p-" + receipts.size(), null, clock.instant());
        receipts.put(message.messageId(), receipt);
        delivered.put(message.messageId(), message);
        onDelivery(message);
        return receipt;
    }

    /** Called (holding this mailer's lock) when a Message-ID is delivered for the first time. */
    void onDelivery(EmailMessage message) {
    }

    /** The delivered emails by Message-ID. */
    synchronized Map<String, EmailMessage> delivered() {
        return Map.copyOf(delivered);
    }

    /** The Message-IDs that were sent more than once (and delivered once). */
    synchronized Set<String> repeatedSends() {
        return Set.copyOf(repeated);
    }

    /** The receipt of a delivered Message-ID, or {@code null}. */
    synchronized MailReceipt receipt(String messageId) {
        return receipts.get(messageId);
    }
}
