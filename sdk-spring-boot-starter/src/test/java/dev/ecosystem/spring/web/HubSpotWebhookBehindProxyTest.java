package dev.ecosystem.spring.web;

import static dev.ecosystem.spring.web.HubSpotSignatures.batch;
import static dev.ecosystem.spring.web.HubSpotSignatures.v3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Behind a proxy that rewrites the URL, {@code ecosystem.web.hubspot.public-url} names the URL HubSpot called and
 * signed (the query as received is appended); the one the application received no longer verifies.
 */
@SpringBootTest(classes = TestNetwork.App.class, properties = {
        "ecosystem.web.hubspot.path=/internal/hubspot",
        "ecosystem.web.hubspot.public-url=https://app.example.com/hooks/hubspot"})
@AutoConfigureMockMvc
@Import(RecordingSyncs.class)
class HubSpotWebhookBehindProxyTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    RecordingSyncs syncs;

    private int deliver(byte[] body, String signedUrl, long timestamp) throws Exception {
        return mvc.perform(post(URI.create("/internal/hubspot?v=1")).contentType(MediaType.APPLICATION_JSON)
                .content(body).header("X-HubSpot-Signature-v3", v3("POST", signedUrl, body, timestamp))
                .header("X-HubSpot-Request-Timestamp", Long.toString(timestamp))).andReturn().getResponse()
                .getStatus();
    }

    @Test
    void thePublicUrlIsWhatIsVerified() throws Exception {
        long now = System.currentTimeMillis();

        assertThat(deliver(batch(TestNetwork.ACME_PORTAL, 1), "http://localhost/internal/hubspot?v=1", now))
                .isEqualTo(401);
        assertThat(deliver(batch(TestNetwork.ACME_PORTAL, 2), "https://app.example.com/hooks/hubspot?v=1", now))
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> syncs.synced.equals(List.of(TestNetwork.ACME)));
    }
}
