package dev.ecosystem.mail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * One certificate issued for {@code localhost} and {@code 127.0.0.1} for the test SMTP servers (GreenMail's bundled
 * one names no host, so host name verification, which the mailer never turns off, would rightly reject it), and a
 * socket factory trusting exactly that certificate, as a host would configure for a private CA.
 */
final class LocalhostTls {
    private static final String PASSWORD = "changeit";
    private static final String ALIAS = "localhost";
    private static KeyStore keys;
    private static SSLSocketFactory trusting;

    private LocalhostTls() {
    }

    /**
     * A socket factory trusting the localhost certificate and nothing else. Also points GreenMail at that
     * certificate, so call it before GreenMail starts.
     */
    static synchronized SSLSocketFactory trustingLocalhost() {
        if (trusting == null) {
            try {
                KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
                trust.load(null, null);
                trust.setCertificateEntry(ALIAS, keys().getCertificate(ALIAS));
                TrustManagerFactory factory =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trust);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, factory.getTrustManagers(), null);
                trusting = context.getSocketFactory();
            } catch (Exception e) {
                throw new IllegalStateException("could not trust the localhost certificate", e);
            }
        }
        return trusting;
    }

    /** The server side: an SSL context presenting the localhost certificate (for SubEthaSMTP's STARTTLS). */
    static synchronized SSLContext serverContext() {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys(), PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("could not load the localhost key", e);
        }
    }

    /** Generates the key pair once per JVM with the JDK's keytool. */
    private static KeyStore keys() throws Exception {
        if (keys != null) {
            return keys;
        }
        Path dir = Files.createTempDirectory("localhost-tls");
        Path keystore = dir.resolve("localhost.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + Files.readString(dir.resolve("keytool.log")));
        }
        System.setProperty("greenmail.tls.keystore.file", keystore.toString());
        System.setProperty("greenmail.tls.keystore.password", PASSWORD);
        System.setProperty("greenmail.tls.key.password", PASSWORD);
        KeyStore loaded = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            loaded.load(in, PASSWORD.toCharArray());
        }
        keys = loaded;
        return keys;
    }
}
