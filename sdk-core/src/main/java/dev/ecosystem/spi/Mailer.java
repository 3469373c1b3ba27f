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
 *       message whose Message-ID was already sent successfully returns the first receipt and sends nothing.</li>
 *   <li>Across instances (other app nodes, a restart) the store's outbox is the record: the SDK hands a message to
 *       the mailer only while it holds the entry's claim, stores the receipt right after, and never sends an entry
 *       whose receipt is stored. What the outbox cannot know is whether a node that died (or timed out) after
 *       handing the message over reached the provider; the next attempt then calls {@link #resend} instead of
 *       {@code send}, and a mailer that can look a message up by its Message-ID does so there.</li>
 *   <li>The message goes out with exactly the given Message-ID, recipients and subject; no field of the message can
 *       add a header.</li>
 *   <li>Failures surface as {@link dev.ecosystem.spi.ProviderException} with {@code retryable()} set when the same send
 *       may succeed later, or as {@link dev.ecosystem.spi.QuotaExhaustedException} when a daily quota is used up. A
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

    /**
     * Sends a message that an earlier attempt, by this instance or another one, may already have handed to the
     * provider: the attempt ended without a known outcome (its node died mid-send, or the provider did not answer).
     * A mailer that can look messages up by Message-ID (Gmail, Microsoft Graph) does so first and returns the found
     * message's receipt instead of sending a second copy. The default sends again: such a message is delivered at
     * least once, and twice only if the earlier attempt did reach the provider.
     *
     * @return the receipt, whose {@code messageId} is the message's
     */
    default MailReceipt resend(EmailMessage message) {
        return send(message);
    }

    /**
     * A short provider name for metrics and logs, such as {@code "smtp"} or {@code "gmail"}. The default is the class's
     * simple name, lower case, without a trailing {@code Mailer} ({@code AcmeMailer} gives {@code "acme"}).
     */
    default String provider() {
        String name = getClass().getSimpleName();
        if (name.endsWith("Mailer") && name.length() > "Mailer".length()) {
            name = name.substring(0, name.length() - "Mailer".length());
        }
        return name.isEmpty() ? "mailer" : name.toLowerCase(java.util.Locale.ROOT);
    }
}
