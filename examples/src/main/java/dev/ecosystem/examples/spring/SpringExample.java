package dev.ecosystem.examples.spring;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.examples.Quickstart;
import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.io.Network;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The SDK in a Spring Boot application with nothing wired by hand: the starter builds the {@link EcosystemClient}
 * from {@code application.properties} (an H2 file under {@code target/spring-example}, an {@code .eml} directory
 * mailer, the scheduler every 10 seconds) and this class only loads the sample network into an empty store. It
 * serves on localhost:8080: {@code /actuator/health} shows the client's health, {@code /actuator/metrics} its
 * meters, and {@code /ecosystem/consent} the starter's consent page.
 *
 * <p>On the first start it also asks one warm introduction (Mailcadence's Priya to Ledgerline's Sophie). The
 * scheduler's next run writes the consent ask to {@code target/spring-example/emails}; its link opens the consent page
 * on this application, where Sophie's answer is taken.
 */
@SpringBootApplication
public class SpringExample {
    private static final Logger LOG = LoggerFactory.getLogger(SpringExample.class);
    /** A company of the sample network, to tell whether the store holds it already (the H2 file survives runs). */
    static final CompanyId MAILCADENCE = CompanyId.of("co-0001");
    static final CompanyId LEDGERLINE = CompanyId.of("co-0002");
    static final ContactId PRIYA = ContactId.of("ct-00001");
    static final ContactId SOPHIE = ContactId.of("ct-00005");

    /** Starts the application; it runs until stopped. */
    public static void main(String[] args) {
        SpringApplication.run(SpringExample.class, args);
    }

    /** Loads the sample network and asks one introduction, once, on the first start over an empty store. */
    @Bean
    ApplicationRunner sampleNetwork(EcosystemClient client) {
        return args -> {
            if (client.store().inTransaction(tx -> tx.companies().get(MAILCADENCE)) != null) {
                LOG.info("The store already holds the sample network");
                return;
            }
            Network network = Quickstart.sampleNetwork();
            network.storeInto(client.store());
            LOG.info("Loaded the sample network: {} companies, {} contacts", network.companies().size(),
                    network.contacts().size());
            client.as(MAILCADENCE).intros().request(IntroRequest.builder(PRIYA, LEDGERLINE, SOPHIE,
                    "Mailcadence's e-commerce customers keep asking for subscription billing that syncs with "
                            + "their email flows").idempotencyKey("spring-example-intro").build());
            LOG.info("Asked an introduction; the scheduler writes its consent email, with a link to this "
                    + "application's consent page, to the .eml directory");
        };
    }
}
