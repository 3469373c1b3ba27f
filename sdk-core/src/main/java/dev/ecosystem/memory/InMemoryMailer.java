package dev.ecosystem.memory;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.spi.Mailer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Mailer} that keeps what it sent instead of sending it: for tests, demos and dry runs. Idempotent on
 * Message-ID like every mailer: sending the same Message-ID again returns the first receipt and keeps one copy.
 *
 * <pre>{@code
 * InMemoryMailer mailer = new InMemoryMailer(Clock.systemUTC());
 * EcosystemClient client = EcosystemClient.builder().mailer(mailer).build();
 * // ...
 * assertThat(mailer.sent()).hasSize(2);
 * }</pre>
 */
public final class InMemoryMailer implements Mailer {
    private final Clock clock;
    private final Map<String, MailReceipt> receipts = new LinkedHashMap<>();
    private final List<EmailMessage> sent = new ArrayList<>();

    /** A mailer that stamps receipts with the given clock. */
    public InMemoryMailer(Clock clock) {
        this.clock = Checks.required(clock, "clock");
    }

    /** Returns {@code "in-memory"}. */
    @Override
    public String provider() {
        return "in-memory";
    }

    @Override
    public synchronized MailReceipt send(EmailMessage message) {
        Checks.required(message, "message");
        MailReceipt earlier = receipts.get(message.messageId());
        if (earlier != null) {
            return earlier;
        }
        String threadId = message.threadId() != null ? message.threadId() : "thread-" + (receipts.size() + 1);
        MailReceipt receipt = new MailReceipt(message.messageId(), "mem-" + (receipts.size() + 1), threadId,
                clock.instant());
        receipts.put(message.messageId(), receipt);
        sent.add(message);
        return receipt;
    }

    /** Every message sent so far, in order, each once. */
    public synchronized List<EmailMessage> sent() {
        return List.copyOf(sent);
    }
}
