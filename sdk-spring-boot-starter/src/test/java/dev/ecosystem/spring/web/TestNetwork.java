package dev.ecosystem.spring.web;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.memory.InMemoryMailer;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The tests' host: an {@link EcosystemClient} on the in-memory store with a recording mailer and fixed consent keys,
 * and a small network whose names and reason are hostile HTML. Acme's Ada asks to meet Globex's Bob.
 */
final class TestNetwork {
    static final byte[] SECRET = secret((byte) 7);
    static final CompanyId ACME = CompanyId.of("co-acme");
    static final CompanyId GLOBEX = CompanyId.of("co-globex");
    static final ContactId ADA = ContactId.of("ada");
    static final ContactId BOB = ContactId.of("bob");
    static final long ACME_PORTAL = 62515;
    static final String CONSENT_URL = "http://localhost/ecosystem/consent";
    static final String HOSTILE_COMPANY = "Acme <script>alert('company')</script> & Sons";
    static final String HOSTILE_REQUESTER = "Ada \"<b onmouseover=alert(1)>Lovelace</b>\"";
    static final String HOSTILE_REASON = "Let's talk about billing <img src=x onerror=alert('reason')> & 'more'";
    private static final Pattern LINK = Pattern.compile("(Yes, introduce us|No, thank you):\\n(\\S+)");

    private TestNetwork() {
    }

    static byte[] secret(byte fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, fill);
        return bytes;
    }

    /** A Spring Boot application of the tests: auto-configuration plus {@link Beans}. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Beans.class)
    static class App {
    }

    /** The host's beans: the client (the starter's web part needs one), its mailer, the portal map. */
    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        InMemoryMailer testMailer() {
            return new InMemoryMailer(Clock.systemUTC());
        }

        @Bean(destroyMethod = "close")
        EcosystemClient ecosystemClient(InMemoryMailer mailer) {
            return client(mailer);
        }

        @Bean
        HubSpotPortalTenants portalTenants() {
            return portal -> portal == ACME_PORTAL ? Optional.of(ACME) : Optional.empty();
        }
    }

    static EcosystemClient client(InMemoryMailer mailer) {
        EcosystemClient client = EcosystemClient.builder()
                .store(InMemoryPartnerStore.create())
                .mailer(mailer)
                .intros(IntroSettings.builder()
                        .consentKeys(ConsentKeys.of("k1", SECRET))
                        .consentUrl(CONSENT_URL)
                        .sender(EmailAddress.of("intros@partners.example.com", "Partner Hub"))
                        .build())
                .build();
        client.register(Company.builder(ACME, HOSTILE_COMPANY).webDomain("acme.io").listed(true).build());
        client.register(Company.builder(GLOBEX, "Globex Billing").webDomain("globex.com").listed(true).build());
        client.as(ACME).contacts().save(Contact.builder(ADA, ACME, HOSTILE_REQUESTER, "ada@acme.io")
                .title("Head of <i>Partnerships</i>").reachableForIntroductions(true).build());
        client.as(GLOBEX).contacts().save(Contact.builder(BOB, GLOBEX, "Bob Ødegård", "bob@globex.com")
                .title("VP Sales").reachableForIntroductions(true).build());
        return client;
    }

    /** Ada asks to meet Bob; the consent ask is sent. */
    static Introduction adaAsksBob(EcosystemClient client) {
        Introduction intro = client.as(ACME).intros().request(IntroRequest.builder(ADA, GLOBEX, BOB, HOSTILE_REASON)
                .build());
        client.intros().runDue(client.clock().instant());
        return intro;
    }

    /** The status of the introduction now. */
    static IntroductionStatus status(EcosystemClient client, Introduction intro) {
        return client.as(ACME).intros().get(intro.id()).status();
    }

    /** The accept (or decline) link of the last consent ask Bob received. */
    static String linkToBob(InMemoryMailer mailer, boolean accept) {
        EmailMessage ask = lastTo(mailer, "bob@globex.com");
        Matcher links = LINK.matcher(ask.textBody());
        while (links.find()) {
            if (links.group(1).startsWith("Yes") == accept) {
                return links.group(2);
            }
        }
        throw new AssertionError("no " + (accept ? "accept" : "decline") + " link in " + ask.textBody());
    }

    /** The token of a consent link. */
    static String tokenOf(String link) {
        return URLDecoder.decode(link.substring(link.indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
    }

    static List<EmailMessage> sentTo(InMemoryMailer mailer, String address) {
        return mailer.sent().stream().filter(m -> m.to().stream().anyMatch(a -> a.address().equals(address)))
                .toList();
    }

    static EmailMessage lastTo(InMemoryMailer mailer, String address) {
        List<EmailMessage> sent = sentTo(mailer, address);
        if (sent.isEmpty()) {
            throw new AssertionError("nothing was sent to " + address);
        }
        return sent.get(sent.size() - 1);
    }
}
