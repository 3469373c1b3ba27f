package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One email to send, provider-neutral. The {@code messageId} is generated locally before the first send attempt
 * and never changes, so a retry after an unknown outcome can be recognized as the same message.
 *
 * <p>Every field that ends up in a header is single-line by construction: no CR, LF or other control character can
 * reach a header through this type.
 *
 * @param messageId the RFC 5322 Message-ID, with angle brackets: {@code <id@host>}
 * @param from the sender
 * @param to the recipients, at least one
 * @param cc the copied recipients
 * @param subject the subject (plain text; a mailer encodes non-ASCII per RFC 2047)
 * @param textBody the plain-text body
 * @param htmlBody the HTML body, or {@code null} for plain text only
 * @param inReplyTo the Message-ID this answers, or {@code null}
 * @param references the Message-IDs of the thread so far, oldest first
 * @param threadId the provider's thread id to continue (Gmail, Graph conversation), or {@code null}
 */
public record EmailMessage(
        String messageId, EmailAddress from, List<EmailAddress> to, List<EmailAddress> cc, String subject,
        String textBody, @Nullable String htmlBody, @Nullable String inReplyTo, List<String> references,
        @Nullable String threadId) {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[\\x21-\\x3b\\x3d\\x3f-\\x7e]+@[\\x21-\\x3b\\x3d"
            + "\\x3f-\\x7e]+>");

    /** Validates every field. */
    public EmailMessage {
        messageId = messageId(messageId, "messageId");
        Checks.required(from, "from");
        Checks.noNulls(to, "to");
        if (to.isEmpty()) {
            throw new ValidationException("to must name at least one recipient, but was empty");
        }
        to = List.copyOf(to);
        cc = List.copyOf(Checks.noNulls(cc, "cc"));
        subject = Checks.singleLine(subject, "subject", 998);
        Checks.required(textBody, "textBody");
        inReplyTo = inReplyTo == null ? null : messageId(inReplyTo, "inReplyTo");
        List<String> refs = new ArrayList<>();
        for (String reference : Checks.noNulls(references, "references")) {
            refs.add(messageId(reference, "references"));
        }
        references = List.copyOf(refs);
        threadId = threadId == null || threadId.isBlank() ? null : Checks.singleLine(threadId, "threadId", 200);
    }

    /** Starts a builder. */
    public static Builder builder(String messageId, EmailAddress from, String subject) {
        return new Builder(messageId, from, subject);
    }

    /** Every recipient: {@code to} then {@code cc}. */
    public List<EmailAddress> recipients() {
        List<EmailAddress> all = new ArrayList<>(to);
        all.addAll(cc);
        return all;
    }

    private static String messageId(String value, String field) {
        String id = Checks.singleLine(value, field, 250);
        if (!MESSAGE_ID.matcher(id).matches()) {
            throw new ValidationException(field + " must be a Message-ID such as <id@host> (printable ASCII, no "
                    + "spaces), but was " + Checks.quote(value));
        }
        return id;
    }

    /** The body lengths only: bodies are never printed. */
    @Override
    public String toString() {
        return "EmailMessage[messageId=" + messageId + ", to=" + to.size() + " recipient(s), cc=" + cc.size()
                + ", text=" + textBody.length() + " chars" + (htmlBody == null ? "" : ", html") + "]";
    }

    /** Builds an {@link EmailMessage}. */
    public static final class Builder {
        private final String messageId;
        private final EmailAddress from;
        private final String subject;
        private final List<EmailAddress> to = new ArrayList<>();
        private final List<EmailAddress> cc = new ArrayList<>();
        private String textBody = "";
        private @Nullable String htmlBody;
        private @Nullable String inReplyTo;
        private final List<String> references = new ArrayList<>();
        private @Nullable String threadId;

        private Builder(String messageId, EmailAddress from, String subject) {
            this.messageId = messageId;
            this.from = from;
            this.subject = subject;
        }

        /** Adds a recipient. */
        public Builder to(EmailAddress recipient) {
            to.add(recipient);
            return this;
        }

        /** Adds a copied recipient. */
        public Builder cc(EmailAddress recipient) {
            cc.add(recipient);
            return this;
        }

        /** The plain-text body. */
        public Builder text(String body) {
            this.textBody = body;
            return this;
        }

        /** The HTML body. */
        public Builder html(@Nullable String body) {
            this.htmlBody = body;
            return this;
        }

        /** Makes this a reply to the given message. */
        public Builder inReplyTo(@Nullable String messageId) {
            this.inReplyTo = messageId;
            return this;
        }

        /** Adds a message of the thread. */
        public Builder reference(String messageId) {
            references.add(messageId);
            return this;
        }

        /** The provider thread to continue. */
        public Builder threadId(@Nullable String threadId) {
            this.threadId = threadId;
            return this;
        }

        /** Validates and builds. */
        public EmailMessage build() {
            return new EmailMessage(messageId, from, to, cc, subject, textBody, htmlBody, inReplyTo, references,
                    threadId);
        }
    }
}
