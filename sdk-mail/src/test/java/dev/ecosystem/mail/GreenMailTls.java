package dev.ecosystem.mail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Gives GreenMail a certificate issued for {@code localhost} (its bundled one names no host, so host name
 * verification, which the mailer never turns off, would rightly reject it), and a socket factory trusting exactly
 * that certificate, as a host would configure for a private CA.
 */
final class GreenMailTls {
    private static final String PASSWORD = "changeit";
    private static SSLSocketFactory trusting;

    private GreenMailTls() {
    }

    /** Generates the key pair once per JVM and points GreenMail at it; call before GreenMail starts. */
    static synchronized SSLSocketFactory trustingLocalhost() {
        if (trusting != null) {
            return trusting;
        }
        try {
            Path dir = Files.createTempDirectory("greenmail-tls");
            Path keystore = dir.resolve("localhost.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "greenmail", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + Files.readString(dir.resolve("keytool.log")));
            }
            System.setProperty("greenmail.tls.keystore.file", keystore.toString());
            System.setProperty("greenmail.tls.keystore.password", PASSWORD);
            System.setProperty("greenmail.tls.key.password", PASSWORD);

            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            Certificate certificate = keys.getCertificate("greenmail");
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("greenmail-localhost", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            trusting = context.getSocketFactory();
            return trusting;
        } catch (Exception e) {
            throw new IllegalStateException("could not set up TLS for GreenMail", e);
        }
    }
}
