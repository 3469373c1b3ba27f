package dev.ecosystem.mail;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.http.AccessTokenSource;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.mail.internal.MimeRenderer;
import dev.ecosystem.mail.internal.SentLog;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.ProviderException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail over SMTP with Eclipse Angus Mail: STARTTLS is required by default (the mailer refuses to send in clear
 * text), the server's certificate and host name are verified, every socket timeout is set (Jakarta Mail's default is
 * to wait for ever), and it authenticates with a password or with OAuth 2 ({@code XOAUTH2}, as Gmail and Microsoft
 * 365 want).
 *
 * <pre>{@code
 * Mailer smtp = SmtpMailer.builder()
 *         .host("smtp.example.com")                 // port 587, STARTTLS required
 *         .password("ada@example.com", System.getenv("SMTP_PASSWORD"))
 *         .build();
 * }</pre>
 *
 * <p>Idempotent on Message-ID within one instance. SMTP cannot look a message up, so the mailer does not retry by
 * itself: a failure is a {@link ProviderException} with {@code retryable()} set for temporary failures (4xx replies,
 * connection problems, timeouts) and the outbox decides. A timeout after the message data was sent may mean the
 * server accepted it; a retry then can deliver twice. Some servers (Gmail's) replace the Message-ID.
 *
 * <p>Across app nodes and restarts, the store's outbox row (not this instance's memory) is what keeps a message from
 * going out twice: the SDK hands an entry to a mailer only while it holds the entry's claim, and never once its
 * receipt is stored. What stays at least once with SMTP is the gap the outbox cannot see into: a node that dies
 * after the server accepted the message and before the receipt was stored, or a timeout after the data was sent.
 * SMTP has no way to look a message up, so {@link #resend} sends again.
 * Thread-safe: each send opens its own connection.
 */
public final class SmtpMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    private static final String PROVIDER = "smtp";

    /** How the connection is protected. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS, which must be offered (the default, usually port 587). */
        STARTTLS,
        /** TLS from the first byte ("SMTPS", usually port 465). */
        IMPLICIT_TLS,
        /** No TLS at all: only for a relay on the same host or network, such as a local test server. */
        NONE
    }

    private final String host;
    private final int port;
    private final Security security;
    private final @Nullable String username;
    private final @Nullable String password;
    private final @Nullable AccessTokenSource tokens;
    private final Clock clock;
    private final Session session;
    private final String protocol;
    private final SentLog sentLog;

    private SmtpMailer(Builder b) {
        this.host = Checks.singleLine(b.host, "host", 253);
        this.security = b.security;
        this.port = b.port != 0 ? b.port : switch (security) {
            case STARTTLS -> 587;
            case IMPLICIT_TLS -> 465;
            case NONE -> 25;
        };
        this.username = b.username;
        this.password = b.password;
        this.tokens = b.tokens;
        this.clock = b.clock;
        this.protocol = security == Security.IMPLICIT_TLS ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(b));
        this.sentLog = new SentLog(PROVIDER, b.sentLogCapacity);
    }

    private Properties properties(Builder b) {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail.mime.allowutf8", "true");
        props.setProperty(p + "host", host);
        props.setProperty(p + "port", Integer.toString(port));
        props.setProperty(p + "connectiontimeout", Long.toString(b.connectTimeout.toMillis()));
        props.setProperty(p + "timeout", Long.toString(b.readTimeout.toMillis()));
        props.setProperty(p + "writetimeout", Long.toString(b.writeTimeout.toMillis()));
        if (b.localHostName != null) {
            props.setProperty(p + "localhost", b.localHostName);
        }
        if (security == Security.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (security != Security.NONE) {
            props.setProperty(p + "ssl.checkserveridentity", "true");
            props.setProperty(p + "ssl.protocols", "TLSv1.3 TLSv1.2");
            if (b.sslSocketFactory != null) {
                props.put(p + "ssl.socketFactory", b.sslSocketFactory);
            }
        }
        if (username != null) {
            props.setProperty(p + "auth", "true");
            if (tokens != null) {
                props.setProperty(p + "auth.mechanisms", "XOAUTH2");
            }
        }
        return props;
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A mailer for {@code host}:587 with STARTTLS required and password authentication. */
    public static SmtpMailer create(String host, String username, String password) {
        return builder().host(host).password(username, password).build();
    }

    /**
     * Sends the message to its To and Cc recipients, or returns the receipt of its earlier send by this instance.
     *
     * @return the receipt (SMTP gives no provider id; the thread id is the caller's, if any)
     * @throws ProviderException when the server refuses or cannot be reached, {@code retryable()} for 4xx and
     *     connection failures
     */
    @Override
    public MailReceipt send(EmailMessage message) {
        Checks.required(message, "message");
        return sentLog.sendOnce(message.messageId(), () -> deliver(message));
    }

    private MailReceipt deliver(EmailMessage message) {
        MimeMessage mime = MimeRenderer.toMimeMessage(message, clock.instant(), PROVIDER);
        Address[] recipients = recipients(message);
        LOG.debug("sending {} over SMTP to {}:{} ({})", message.messageId(), host, port, security);
        try {
            transmit(mime, recipients, false);
        } catch (AuthenticationFailedException e) {
            if (tokens == null) {
                throw authFailure(e);
            }
            try {
                transmit(mime, recipients, true);
            } catch (AuthenticationFailedException again) {
                throw authFailure(again);
            } catch (MessagingException again) {
                throw failure(message, again);
            }
        } catch (MessagingException e) {
            throw failure(message, e);
        }
        return new MailReceipt(message.messageId(), null, message.threadId(), clock.instant());
    }

    private void transmit(MimeMessage mime, Address[] recipients, boolean afterRejectedToken)
            throws MessagingException {
        String secret = password;
        if (tokens != null) {
            secret = tokens.accessToken();
        }
        try (Transport transport = session.getTransport(protocol)) {
            try {
                transport.connect(host, port, username, secret);
            } catch (AuthenticationFailedException e) {
                if (tokens != null && secret != null && !afterRejectedToken) {
                    tokens.invalidate(secret);
                }
                throw e;
            }
            transport.sendMessage(mime, recipients);
        }
    }

    private static Address[] recipients(EmailMessage message) {
        try {
            Address[] recipients = new Address[message.recipients().size()];
            for (int i = 0; i < recipients.length; i++) {
                recipients[i] = MimeRenderer.address(message.recipients().get(i));
            }
            return recipients;
        } catch (UnsupportedEncodingException e) {
            throw ProviderException.failed(PROVIDER, "could not encode the recipients of "
                    + message.messageId(), e);
        }
    }

    private ProviderException authFailure(AuthenticationFailedException e) {
        return ProviderException.refused(PROVIDER, 535, null, "SMTP server " + host + " rejected the "
                + (tokens != null ? "OAuth 2 token" : "password") + " for " + username
                + ": check the credentials (an OAuth token needs the mail scope)", e);
    }

    private ProviderException failure(EmailMessage message, MessagingException e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("STARTTLS is required")) {
            return ProviderException.failed(PROVIDER, "SMTP server " + host + ":" + port + " does not "
                    + "offer STARTTLS, and sending in clear text is refused (use Security.IMPLICIT_TLS, or "
                    + "Security.NONE only for a local relay)", e);
        }
        int code = replyCode(e);
        if (code != 0) {
            return new ProviderException(PROVIDER, code, null, code >= 400 && code < 500, "SMTP server " + host
                    + " refused " + message.messageId() + " with " + code + ": " + text.strip(), e);
        }
        Throwable cause = rootCause(e);
        if (hasCause(e, SSLException.class)) {
            return ProviderException.failed(PROVIDER, "TLS with " + host + ":" + port + " failed ("
                    + cause.getMessage() + "): is the server's certificate trusted and issued for this host name?", e);
        }
        if (e instanceof SendFailedException) {
            return ProviderException.failed(PROVIDER, "SMTP server " + host + " refused "
                    + message.messageId() + ": " + text.strip(), e);
        }
        boolean unknownHost = cause instanceof UnknownHostException;
        boolean temporary = e instanceof MailConnectException || cause instanceof ConnectException
                || cause instanceof SocketTimeoutException || cause instanceof java.io.IOException;
        return new ProviderException(PROVIDER, 0, null, temporary && !unknownHost, "SMTP send of "
                + message.messageId() + " through " + host + ":" + port + " failed: " + cause.getMessage()
                + (cause instanceof SocketTimeoutException ? " (if the message data had been sent, the server may "
                + "have accepted it)" : ""), e);
    }

    private static int replyCode(MessagingException e) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException()
                : null) {
            if (next instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (next instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
        }
        return 0;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = next(cause)) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Throwable next(Throwable e) {
        Throwable next = e instanceof MessagingException m && m.getNextException() != null
                ? m.getNextException() : e.getCause();
        return next == e ? null : next;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        for (Throwable next = next(cause); next != null; next = next(cause)) {
            cause = next;
        }
        return cause;
    }

    /** Never prints a password or token. */
    @Override
    public String toString() {
        return "SmtpMailer[" + host + ":" + port + ", " + security + ", user=" + username + "]";
    }

    /** Builds an {@link SmtpMailer}. */
    public static final class Builder {
        private @Nullable String host;
        private int port;
        private Security security = Security.STARTTLS;
        private @Nullable String username;
        private @Nullable String password;
        private @Nullable AccessTokenSource tokens;
        private @Nullable SSLSocketFactory sslSocketFactory;
        private @Nullable String localHostName;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private long sentLogCapacity = 100_000;

        private Builder() {
        }

        /** The server's host name (required). */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port (default 587 for STARTTLS, 465 for implicit TLS, 25 without TLS). */
        public Builder port(int port) {
            this.port = Checks.range(port, 1, 65_535, "port");
            return this;
        }

        /** How the connection is protected (default {@link Security#STARTTLS}, required). */
        public Builder security(Security security) {
            this.security = Checks.required(security, "security");
            return this;
        }

        /** Authenticates with a user name and password (AUTH PLAIN or LOGIN, inside TLS). */
        public Builder password(String username, String password) {
            this.username = Checks.singleLine(username, "username", 320);
            this.password = Checks.required(password, "password");
            this.tokens = null;
            return this;
        }

        /** Authenticates with OAuth 2 ({@code XOAUTH2}); a rejected token is invalidated and retried once. */
        public Builder oauth2(String username, AccessTokenSource tokens) {
            this.username = Checks.singleLine(username, "username", 320);
            this.tokens = Checks.required(tokens, "tokens");
            this.password = null;
            return this;
        }

        /**
         * The socket factory for TLS, for servers whose certificate is issued by a private CA (build it from an
         * {@code SSLContext} over a trust store holding that CA). The default trusts the JVM's CAs. Host names are
         * verified either way.
         */
        public Builder sslSocketFactory(SSLSocketFactory sslSocketFactory) {
            this.sslSocketFactory = Checks.required(sslSocketFactory, "sslSocketFactory");
            return this;
        }

        /** The name to announce in EHLO (default: this machine's name). */
        public Builder localHostName(String localHostName) {
            this.localHostName = Checks.singleLine(localHostName, "localHostName", 253);
            return this;
        }

        /** Connect timeout (default 10 seconds). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Checks.positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** Timeout waiting for each server reply (default 30 seconds). */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Checks.positive(readTimeout, "readTimeout");
            return this;
        }

        /** Timeout for each write to the server (default 30 seconds). */
        public Builder writeTimeout(Duration writeTimeout) {
            this.writeTimeout = Checks.positive(writeTimeout, "writeTimeout");
            return this;
        }

        /** Stamps receipts and the Date header (default system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Checks.required(clock, "clock");
            return this;
        }

        /** How many receipts this instance remembers for idempotency (default 100,000). */
        public Builder sentLogCapacity(long sentLogCapacity) {
            if (sentLogCapacity < 1) {
                throw new ValidationException("sentLogCapacity must be at least 1, but was " + sentLogCapacity);
            }
            this.sentLogCapacity = sentLogCapacity;
            return this;
        }

        /** Validates and builds. */
        public SmtpMailer build() {
            return new SmtpMailer(this);
        }
    }
}
