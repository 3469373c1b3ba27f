package dev.ecosystem.mail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * A real SMTP server in the test (SubEthaSMTP) that, unlike GreenMail, implements STARTTLS, presenting the
 * {@link LocalhostTls} certificate. It requires AUTH before MAIL but not STARTTLS, so a test can see whether the
 * client upgraded on its own: every login and every message records whether TLS was active at that moment.
 */
final class SubEthaSmtpServer implements AutoCloseable {
    /** An AUTH attempt (the password is checked, never kept). */
    record Login(String username, boolean overTls) {
    }

    /** One SMTP transaction as the server received it; {@code tlsAtMailFrom} is the TLS state at MAIL FROM. */
    record Received(boolean tlsAtMailFrom, String from, List<String> recipients, byte[] data) {
    }

    private final SMTPServer server;
    private final List<Login> logins = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private SubEthaSmtpServer(String bindAddress, boolean offerStartTls, String username, String password)
            throws IOException {
        this.server = SMTPServer.port(0)
                .bindAddress(InetAddress.getByName(bindAddress))
                .hostName("localhost")
                .enableTLS(offerStartTls)
                .startTlsSocketFactory(LocalhostTls.serverContext())
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, secret, context) -> {
                    logins.add(new Login(user, tls(context)));
                    if (!user.equals(username) || !secret.equals(password)) {
                        throw new LoginFailedException();
                    }
                }))
                .requireAuth()
                .messageHandlerFactory(Recorder::new)
                .build();
        server.start();
    }

    /** Starts a server on a free port of {@code bindAddress} accepting {@code username}/{@code password}. */
    static SubEthaSmtpServer start(String bindAddress, boolean offerStartTls, String username, String password) {
        try {
            return new SubEthaSmtpServer(bindAddress, offerStartTls, username, password);
        } catch (IOException e) {
            throw new IllegalStateException("could not start SubEthaSMTP on " + bindAddress, e);
        }
    }

    int port() {
        return server.getPortAllocated();
    }

    List<Login> logins() {
        return List.copyOf(logins);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop();
    }

    private static boolean tls(MessageContext context) {
        if (context instanceof Session session) {
            return session.isTLSStarted();
        }
        throw new AssertionError("SubEthaSMTP passed a " + context.getClass() + ", not its Session");
    }

    /** Records one transaction. */
    private final class Recorder implements MessageHandler {
        private final MessageContext context;
        private final List<String> recipients = new ArrayList<>();
        private boolean tlsAtMailFrom;
        private String from = "";

        Recorder(MessageContext context) {
            this.context = context;
        }

        @Override
        public void from(String from) {
            this.tlsAtMailFrom = tls(context);
            this.from = from;
        }

        @Override
        public void recipient(String recipient) {
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws IOException {
            received.add(new Received(tlsAtMailFrom, from, List.copyOf(recipients), data.readAllBytes()));
            return null;
        }

        @Override
        public void done() {
            // nothing held
        }
    }
}
