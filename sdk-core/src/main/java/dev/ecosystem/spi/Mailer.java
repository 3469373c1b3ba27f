package dev.ecosystem.spi;

import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;

/**
 * Sends one RFC 5322 message through a provider (the user's own Gmail or Outlook, SMTP, a directory of files).
 *
 * <p>Contract (checked by {@code MailerContract} in {@code sdk-testkit}):
 * <ul>
 *   <li>Thread-safe.</li>
 *   <li>Idempotent on {@link EmailMessage#messageId()} within one mailer instance: a second {@code send} of a
 *       message whose Message-ID was already sent successfully returns the first receipt and sends nothing. Across
 *       instances (after a restart) the outbox's stored receipt is what prevents a second send; providers that can
 *       look a message up by Message-ID should do so before re-sending.</li>
 *   <li>The message goes out with exactly the given Message-ID, recipients and subject; no field of the message can
 *       add a header.</li>
 *   <li>Failures surface as {@link dev.ecosystem.ProviderException} with {@code retryable()} set when the same send
 *       may succeed later, or as {@link dev.ecosystem.QuotaExhaustedException} when a daily quota is used up. A
 *       failed send may be retried with the same message.</li>
 * </ul>
 */
public interface Mailer {
    /**
     * Sends the message, or returns the receipt of its earlier successful send.
     *
     * @return the receipt, whose {@code messageId} is the message's
     */
    MailReceipt send(EmailMessage message);
}
