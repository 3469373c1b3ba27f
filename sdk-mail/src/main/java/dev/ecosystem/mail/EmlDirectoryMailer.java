package dev.ecosystem.mail;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.mail.internal.MimeRenderer;
import dev.ecosystem.mail.internal.SentLog;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.ProviderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Sends" each message by writing it as an {@code .eml} file (RFC 5322, CRLF) that any mail program opens: the
 * quickstart's default, and a safe dry-run mode. Nothing leaves the machine.
 *
 * <pre>{@code
 * Mailer mailer = EmlDirectoryMailer.create(Path.of("outbox"));
 * }</pre>
 *
 * <p>The file name is derived from the Message-ID ({@code <id@host>} becomes {@code id@host-<hash>.eml}), so sends
 * are idempotent even across instances and restarts: a message whose file exists is not written again. Files are
 * written to a temporary name and moved into place atomically, so a reader never sees half a message.
 * Thread-safe.
 */
public final class EmlDirectoryMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(EmlDirectoryMailer.class);
    private static final String PROVIDER = "eml";

    private final Path directory;
    private final Clock clock;
    private final SentLog sentLog = new SentLog(PROVIDER, 100_000);

    private EmlDirectoryMailer(Path directory, Clock clock) {
        this.directory = Checks.required(directory, "directory").toAbsolutePath();
        this.clock = Checks.required(clock, "clock");
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw ProviderException.failed(PROVIDER, "could not create the mail directory "
                    + this.directory + ": " + e.getMessage(), e);
        }
    }

    /** A mailer writing into {@code directory} (created if missing), stamping receipts with the system clock. */
    public static EmlDirectoryMailer create(Path directory) {
        return new EmlDirectoryMailer(directory, Clock.systemUTC());
    }

    /** A mailer writing into {@code directory} with the given clock for the Date header and receipts. */
    public static EmlDirectoryMailer create(Path directory, Clock clock) {
        return new EmlDirectoryMailer(directory, clock);
    }

    /** Returns {@code "eml-directory"}. */
    @Override
    public String provider() {
        return "eml-directory";
    }

    /** The directory the files go to. */
    public Path directory() {
        return directory;
    }

    /**
     * Writes the message unless its file already exists.
     *
     * @return a receipt whose provider id is the file name and whose thread id is the message's thread id, or else
     *     the Message-ID that started its thread
     */
    @Override
    public MailReceipt send(EmailMessage message) {
        Checks.required(message, "message");
        return sentLog.sendOnce(message.messageId(), () -> write(message));
    }

    private MailReceipt write(EmailMessage message) {
        Path target = directory.resolve(fileName(message.messageId()));
        if (Files.exists(target)) {
            LOG.debug("{} was already written to {}", message.messageId(), target);
            return receipt(message, target);
        }
        byte[] bytes = MimeRenderer.toBytes(message, clock.instant(), PROVIDER);
        Path temp = null;
        try {
            temp = Files.createTempFile(directory, ".writing-", ".tmp");
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            LOG.debug("wrote {} to {}", message.messageId(), target);
            return receipt(message, target);
        } catch (FileAlreadyExistsException raced) {
            return receipt(message, target);
        } catch (IOException e) {
            throw ProviderException.unavailable(PROVIDER, "could not write " + message.messageId() + " to "
                    + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("could not delete the temporary file {}: {}", temp, e.getMessage());
                }
            }
        }
    }

    private MailReceipt receipt(EmailMessage message, Path file) {
        String thread = message.threadId() != null ? message.threadId()
                : !message.references().isEmpty() ? message.references().get(0)
                : message.inReplyTo() != null ? message.inReplyTo() : message.messageId();
        return new MailReceipt(message.messageId(), file.getFileName().toString(), thread, clock.instant());
    }

    /** A safe, readable, collision-free file name for a Message-ID. */
    static String fileName(String messageId) {
        String inner = messageId.substring(1, messageId.length() - 1);
        String readable = inner.replaceAll("[^A-Za-z0-9._@-]", "_");
        if (readable.length() > 120) {
            readable = readable.substring(0, 120);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(hash, 0, 6) + ".eml";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public String toString() {
        return "EmlDirectoryMailer[" + directory + "]";
    }
}
