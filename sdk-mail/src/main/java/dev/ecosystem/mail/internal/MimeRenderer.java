package dev.ecosystem.mail.internal;

import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.spi.ProviderException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Renders an {@link EmailMessage} as an RFC 5322 message with Jakarta Mail: CRLF line endings, RFC 2047 encoded
 * subject and display names, UTF-8 bodies (quoted-printable or base64 as Jakarta Mail chooses), and exactly the
 * message's own Message-ID (Jakarta Mail would otherwise replace it with a generated one when saving changes).
 */
public final class MimeRenderer {
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private MimeRenderer() {
    }

    private static final Session ASCII_HEADERS = Session.getInstance(new Properties());
    private static final Session UTF8_HEADERS = utf8Session();

    private static Session utf8Session() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.allowutf8", "true");
        return Session.getInstance(properties);
    }

    /**
     * The session to build {@code message} in. Headers are plain ASCII with RFC 2047 encoded words, unless an
     * address has a non-ASCII local part: that needs an internationalized (RFC 6532) message with UTF-8 headers,
     * and SMTPUTF8 on the way. Internationalized domains become punycode, so they need neither.
     */
    public static Session sessionFor(EmailMessage message) {
        for (EmailAddress address : message.recipients()) {
            if (!isAscii(localPart(address))) {
                return UTF8_HEADERS;
            }
        }
        return isAscii(localPart(message.from())) ? ASCII_HEADERS : UTF8_HEADERS;
    }

    private static String localPart(EmailAddress address) {
        return address.address().substring(0, address.address().lastIndexOf('@'));
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    /** The address with its domain in ASCII (punycode) form where it is internationalized. */
    static String asciiDomain(EmailAddress address) {
        int at = address.address().lastIndexOf('@');
        try {
            return address.address().substring(0, at + 1) + IDN.toASCII(address.domain(), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return address.address();
        }
    }

    /**
     * The message as a Jakarta Mail message whose headers are final ({@code saveChanges} already done).
     *
     * @param provider the provider name used if rendering fails
     */
    public static MimeMessage toMimeMessage(EmailMessage message, Instant date, String provider) {
        try {
            MimeMessage mime = new FixedIdMimeMessage(sessionFor(message), message.messageId());
            mime.setFrom(address(message.from()));
            mime.setRecipients(Message.RecipientType.TO, addresses(message.to()));
            if (!message.cc().isEmpty()) {
                mime.setRecipients(Message.RecipientType.CC, addresses(message.cc()));
            }
            mime.setSubject(message.subject(), UTF_8);
            mime.setSentDate(Date.from(date));
            if (message.inReplyTo() != null) {
                mime.setHeader("In-Reply-To", message.inReplyTo());
            }
            if (!message.references().isEmpty()) {
                mime.setHeader("References", MimeUtility.fold("References: ".length(),
                        String.join(" ", message.references())));
            }
            String text = crlf(message.textBody());
            if (message.htmlBody() == null) {
                mime.setText(text, UTF_8, "plain");
            } else {
                MimeBodyPart plain = new MimeBodyPart();
                plain.setText(text, UTF_8, "plain");
                MimeBodyPart html = new MimeBodyPart();
                html.setText(crlf(message.htmlBody()), UTF_8, "html");
                mime.setContent(new MimeMultipart("alternative", plain, html));
            }
            mime.saveChanges();
            return mime;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw ProviderException.failed(provider, "could not render message "
                    + message.messageId() + " as MIME: " + e.getMessage(), e);
        }
    }

    /** The message as RFC 5322 bytes with CRLF line endings. */
    public static byte[] toBytes(EmailMessage message, Instant date, String provider) {
        MimeMessage mime = toMimeMessage(message, date, provider);
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            mime.writeTo(out);
        } catch (IOException | MessagingException e) {
            throw ProviderException.failed(provider, "could not write message "
                    + message.messageId() + " as MIME: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static String crlf(String body) {
        return LINE_BREAK.matcher(body).replaceAll("\r\n");
    }

    private static InternetAddress[] addresses(List<EmailAddress> addresses) throws UnsupportedEncodingException {
        List<InternetAddress> result = new ArrayList<>(addresses.size());
        for (EmailAddress address : addresses) {
            result.add(address(address));
        }
        return result.toArray(new InternetAddress[0]);
    }

    /** A Jakarta Mail address: punycode domain, display name RFC 2047 encoded and quoted where needed. */
    public static InternetAddress address(EmailAddress address) throws UnsupportedEncodingException {
        return new InternetAddress(asciiDomain(address), address.displayName(), UTF_8);
    }

    /** Keeps the Message-ID fixed at enqueue time instead of letting Jakarta Mail generate a new one. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
