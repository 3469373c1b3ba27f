package dev.ecosystem.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import dev.ecosystem.http.AccessTokenSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.testkit.Delivery;
import dev.ecosystem.testkit.MailerContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class GmailMailerContractTest extends MailerContract {
    static final String SEND_PATH = "/gmail/v1/users/me/messages/send";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer gmail;

    @BeforeAll
    static void startStub() {
        gmail = new WireMockServer(wireMockConfig().dynamicPort());
        gmail.start();
    }

    @AfterAll
    static void stopStub() {
        gmail.stop();
    }

    @Override
    protected Mailer createMailer() {
        gmail.resetAll();
        gmail.stubFor(post(urlPathEqualTo(SEND_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("{\"id\":\"{{randomValue length=16 type='HEXADECIMAL'}}\","
                        + "\"threadId\":\"{{randomValue length=16 type='HEXADECIMAL'}}\",\"labelIds\":[\"SENT\"]}")
                .withTransformers("response-template")));
        return GmailMailer.builder().tokens(AccessTokenSource.of("ya29.test")).baseUrl(gmail.baseUrl())
                .http(h -> h.sleeper(new TestMail.RecordingSleeper())).build();
    }

    @Override
    protected List<Delivery> deliveries() {
        return accepted(gmail).stream().map(raw -> TestMail.delivery(TestMail.parse(raw))).toList();
    }

    /** The decoded raw messages of every send the stub answered with 200, oldest first. */
    static List<byte[]> accepted(WireMockServer server) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        List<byte[]> raws = new ArrayList<>();
        for (ServeEvent event : events) {
            if (event.getRequest().getUrl().startsWith(SEND_PATH) && event.getResponse().getStatus() == 200) {
                raws.add(Base64.getUrlDecoder().decode(field(event.getRequest().getBodyAsString(), "raw")));
            }
        }
        return raws;
    }

    static String field(String json, String name) {
        try {
            return JSON.readTree(json).path(name).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
