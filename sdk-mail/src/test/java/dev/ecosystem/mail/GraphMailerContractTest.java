package dev.ecosystem.mail;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import dev.ecosystem.http.AccessTokenSource;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.testkit.Delivery;
import dev.ecosystem.testkit.MailerContract;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class GraphMailerContractTest extends MailerContract {
    private static WireMockServer graph;

    @BeforeAll
    static void startStub() {
        graph = new WireMockServer(wireMockConfig().dynamicPort());
        graph.start();
    }

    @AfterAll
    static void stopStub() {
        graph.stop();
    }

    @Override
    protected Mailer createMailer() {
        graph.resetAll();
        GraphStub.stubDraftThenSend(graph);
        return GraphMailer.builder().tokens(AccessTokenSource.of("eyJ0eXAi.test")).baseUrl(graph.baseUrl())
                .http(h -> h.sleeper(new TestMail.RecordingSleeper())).build();
    }

    @Override
    protected List<Delivery> deliveries() {
        return GraphStub.deliveries(graph);
    }
}
