package dev.ecosystem.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ecosystem.testkit.Delivery;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Microsoft Graph stubs shaped like the documented responses, and decoding of what the stub accepted. */
final class GraphStub {
    static final String CREATE = "/me/messages";

    private GraphStub() {
    }

    static void stubDraftThenSend(WireMockServer graph) {
        graph.stubFor(post(urlPathEqualTo(CREATE)).atPriority(5).willReturn(created()));
        graph.stubFor(post(urlPathMatching("/me/messages/[^/]+/send")).atPriority(5)
                .willReturn(aResponse().withStatus(202)));
    }

    static ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users('me')/messages/"
                        + "$entity\",\"id\":\"AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A{{randomValue length=12 "
                        + "type='ALPHANUMERIC'}}\",\"conversationId\":\"AAQkAGI2-conv-{{randomValue length=8 "
                        + "type='ALPHANUMERIC'}}\",\"internetMessageId\":\"<stub@outlook.com>\",\"isDraft\":true}")
                .withTransformers("response-template");
    }

    static ResponseDefinitionBuilder graphError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("request-id", "94fb3b52-452a-4535-a601-69e0a90e3aa2")
                .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"innerError\":"
                        + "{\"date\":\"2026-11-02T09:00:00\",\"request-id\":\"94fb3b52-452a-4535-a601-69e0a90e3aa2\","
                        + "\"client-request-id\":\"94fb3b52-452a-4535-a601-69e0a90e3aa2\"}}}");
    }

    /** Every draft that was created and then sent with 202, in send order, decoded. */
    static List<Delivery> deliveries(WireMockServer graph) {
        List<ServeEvent> events = new ArrayList<>(graph.getAllServeEvents());
        Collections.reverse(events);
        Map<String, byte[]> drafts = new HashMap<>();
        List<Delivery> sent = new ArrayList<>();
        for (ServeEvent event : events) {
            String path = event.getRequest().getUrl();
            int status = event.getResponse().getStatus();
            if (path.equals(CREATE) && status == 201) {
                String id = GmailMailerContractTest.field(event.getResponse().getBodyAsString(), "id");
                drafts.put(id, Base64.getDecoder().decode(event.getRequest().getBodyAsString().strip()));
            } else if (path.endsWith("/send") && status == 202) {
                String id = path.substring("/me/messages/".length(), path.length() - "/send".length());
                sent.add(TestMail.delivery(TestMail.parse(drafts.get(id))));
            } else if (path.equals("/me/sendMail") && status == 202) {
                sent.add(TestMail.delivery(TestMail.parse(
                        Base64.getDecoder().decode(event.getRequest().getBodyAsString().strip()))));
            }
        }
        return sent;
    }
}
