package dev.ecosystem.memory;

import dev.ecosystem.spi.Mailer;
import dev.ecosystem.testkit.Delivery;
import dev.ecosystem.testkit.MailerContract;
import java.time.Clock;
import java.util.List;

class InMemoryMailerTest extends MailerContract {
    private InMemoryMailer mailer;

    @Override
    protected Mailer createMailer() {
        mailer = new InMemoryMailer(Clock.systemUTC());
        return mailer;
    }

    @Override
    protected List<Delivery> deliveries() {
        return mailer.sent().stream()
                .map(m -> new Delivery(m.messageId(), m.recipients().stream().map(a -> a.address()).toList(),
                        m.subject()))
                .toList();
    }
}
