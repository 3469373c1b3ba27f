package dev.ecosystem.testkit;

import java.util.List;

/**
 * What a mail provider actually received, as a {@link MailerContract} checks it: the Message-ID header, every
 * recipient address (To and Cc) and the decoded subject.
 *
 * @param messageId the Message-ID header, with angle brackets
 * @param recipients the recipient addresses, To then Cc
 * @param subject the subject, decoded from RFC 2047 where it was encoded
 */
public record Delivery(String messageId, List<String> recipients, String subject) {
    /** Copies the recipients. */
    public Delivery {
        recipients = List.copyOf(recipients);
    }
}
