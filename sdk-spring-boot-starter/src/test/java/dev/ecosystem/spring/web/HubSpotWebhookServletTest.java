package dev.ecosystem.spring.web;

import static dev.ecosystem.spring.web.HubSpotSignatures.batch;
import static dev.ecosystem.spring.web.HubSpotSignatures.v3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The HubSpot webhook endpoint on Spring MVC: a delivery signed over exactly what was received is answered 204 and
 * syncs its portal's tenant in the background; anything else is refused and syncs nothing.
 */
@SpringBootTest(classes = TestNetwork.App.class)
@AutoConfigureMockMvc
@Import(RecordingSyncs.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class HubSpotWebhookServletTest {
    private static final String PATH = "/ecosystem/hubspot/webhook";
    private static final String URL = "http://localhost" + PATH;

    @Autowired
    MockMvc mvc;
    @Autowired
    RecordingSyncs syncs;

    private static MockHttpServletRequestBuilder delivery(String query, byte[] body, String signature,
            long timestamp) {
        return post(java.net.URI.create(PATH + query)).contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-HubSpot-Signature-v3", signature)
                .header("X-HubSpot-Request-Timestamp", Long.toString(timestamp));
    }

    private int send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @Test
    void signedDelivery_isAnsweredAtOnce_andSyncsThePortalsTenant() throws Exception {
        byte[] body = batch(TestNetwork.ACME_PORTAL, 1);
        long now = System.currentTimeMillis();

        assertThat(send(delivery("", body, v3("POST", URL, body, now), now))).isEqualTo(204);

        await().atMost(Duration.ofSeconds(5)).until(() -> syncs.synced.equals(List.of(TestNetwork.ACME)));
    }

    @Test
    void signatureCoversTheQueryAsSent_withHubSpotsDecodedEscapes() throws Exception {
        byte[] body = batch(TestNetwork.ACME_PORTAL, 2);
        long now = System.currentTimeMillis();
        String query = "?app=a%3Ab&x=%20y";

        assertThat(send(delivery(query, body, v3("POST", URL, body, now), now))).isEqualTo(401);
        assertThat(send(delivery(query, body, v3("POST", URL + "?app=a:b&x=%20y", body, now), now)))
                .isEqualTo(204);
    }

    @Test
    void wrongSignature_reserializedBody_missingHeaders_areRefused() throws Exception {
        byte[] body = batch(TestNetwork.ACME_PORTAL, 3);
        byte[] compact = new String(body, StandardCharsets.UTF_8).replace(" ", "").getBytes(StandardCharsets.UTF_8);
        long now = System.currentTimeMillis();

        assertThat(send(delivery("", body, v3("POST", URL, compact, now), now))).isEqualTo(401);
        assertThat(send(delivery("", body, v3("POST", "https://localhost" + PATH, body, now), now))).isEqualTo(401);
        assertThat(send(delivery("", body, "bm90IGEgc2lnbmF0dXJl", now))).isEqualTo(401);
        assertThat(send(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body))).isEqualTo(401);
        Thread.sleep(200);
        assertThat(syncs.synced).isEmpty();
    }

    @Test
    void staleTimestamp_isRefused_evenWithAValidSignature() throws Exception {
        byte[] body = batch(TestNetwork.ACME_PORTAL, 4);
        long stale = System.currentTimeMillis() - Duration.ofMinutes(6).toMillis();

        assertThat(send(delivery("", body, v3("POST", URL, body, stale), stale))).isEqualTo(401);
        Thread.sleep(200);
        assertThat(syncs.synced).isEmpty();
    }

    @Test
    void replay_ofAVerifiedDelivery_isRefused() throws Exception {
        byte[] body = batch(TestNetwork.ACME_PORTAL, 5);
        long now = System.currentTimeMillis();
        String signature = v3("POST", URL, body, now);

        assertThat(send(delivery("", body, signature, now))).isEqualTo(204);
        assertThat(send(delivery("", body, signature, now))).isEqualTo(401);
        await().atMost(Duration.ofSeconds(5)).until(() -> syncs.synced.size() == 1);
    }

    @Test
    void signedButUnreadableBody_is400_andAPortalOfNoTenantIsAcknowledgedWithoutSync() throws Exception {
        byte[] garbage = "{\"not\":\"a batch\"}".getBytes(StandardCharsets.UTF_8);
        byte[] stranger = batch(999, 6);
        long now = System.currentTimeMillis();

        assertThat(send(delivery("", garbage, v3("POST", URL, garbage, now), now))).isEqualTo(400);
        assertThat(send(delivery("", stranger, v3("POST", URL, stranger, now), now))).isEqualTo(204);
        Thread.sleep(200);
        assertThat(syncs.synced).isEmpty();
    }
}
