package dev.ecosystem.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import dev.ecosystem.testkit.FakeTime;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecosystem.model.CompanyId;
import java.time.Instant;

/** A WireMock server serving a {@link FakePortal} on a virtual clock; specific stubs added by tests take priority. */
final class PortalServer implements AutoCloseable {
    static final Instant START = Instant.parse("2026-06-01T12:00:00Z");

    final FakeTime time = new FakeTime(START);
    final FakePortal portal;
    final WireMockServer wireMock;

    PortalServer(String apiVersion, boolean journal) {
        portal = new FakePortal(apiVersion, time);
        var options = options().dynamicPort().extensions(portal).containerThreads(16).jettyAcceptors(1);
        wireMock = new WireMockServer(journal ? options : options.disableRequestJournal());
        wireMock.start();
        stubPortal();
    }

    PortalServer() {
        this("v3", true);
    }

    /** Removes the tests' own stubs and leaves the portal answering everything again. */
    void stubPortal() {
        wireMock.resetAll();
        time.clearSleeps();
        wireMock.stubFor(any(urlPathMatching("/crm/.*")).atPriority(10)
                .willReturn(aResponse().withTransformers(FakePortal.NAME)));
    }

    /** A fresh test: the portal's own stubs only, the fixture's stages, no sleeps recorded. */
    void reset() {
        stubPortal();
        portal.resetStages();
    }

    String baseUrl() {
        return wireMock.baseUrl() + "/";
    }

    /** A builder pointed at this server, on its virtual clock and sleeper, with a static token. */
    HubSpotCrm.Builder connector(CompanyId tenant) {
        return HubSpotCrm.builder().tenant(tenant).accessToken("pat-na1-test-token").baseUrl(baseUrl())
                .clock(time).http(h -> h.sleeper(time::sleep));
    }

    @Override
    public void close() {
        wireMock.stop();
    }
}
