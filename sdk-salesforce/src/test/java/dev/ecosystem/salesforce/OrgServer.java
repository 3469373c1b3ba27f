package dev.ecosystem.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import dev.ecosystem.testkit.FakeTime;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecosystem.model.CompanyId;
import java.time.Duration;
import java.time.Instant;

/**
 * A WireMock server serving a {@link FakeOrg} on a virtual clock. The token endpoint answers on {@code localhost}
 * and hands out {@code 127.0.0.1} as the instance URL, where the org's data lives: a connector that calls anything but
 * the token response's instance URL gets a 404.
 */
final class OrgServer implements AutoCloseable {
    static final Instant START = Instant.parse("2026-06-01T12:00:00Z");
    static final String REFRESH_TOKEN = "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrgl4L9bDmQK6hTYR";

    final FakeTime time = new FakeTime(START);
    final FakeOrg org = new FakeOrg(time);
    final WireMockServer wireMock;

    OrgServer() {
        wireMock = new WireMockServer(options().dynamicPort().extensions(org).containerThreads(16).jettyAcceptors(1)
                .disableRequestJournal());
        wireMock.start();
        reset();
    }

    /** A fresh org: no records, no sessions, no calls, no sleeps. */
    void reset() {
        wireMock.resetAll();
        wireMock.stubFor(any(urlPathMatching("/.*")).atPriority(10)
                .willReturn(aResponse().withTransformers(FakeOrg.NAME)));
        org.reset();
        org.instanceUrl = instanceUrl();
        org.requiredHost = "127.0.0.1";
        time.clearSleeps();
    }

    /** Every data call is answered with 401 INVALID_SESSION_ID, however fresh the session. */
    void wireMockRefusesEverySession() {
        wireMock.stubFor(any(urlPathMatching("/services/data/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json;charset=UTF-8")
                        .withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));
    }

    String loginUrl() {
        return "http://localhost:" + wireMock.port();
    }

    String instanceUrl() {
        return "http://127.0.0.1:" + wireMock.port();
    }

    /** A builder pointed at this server, on its virtual clock and sleeper, with the refresh-token flow. */
    SalesforceCrm.Builder connector(CompanyId tenant) {
        return SalesforceCrm.builder().tenant(tenant).loginUrl(loginUrl())
                .oauth("3MVG9lKcPoNINVBIPJjdw1J9LLM82Hn", "1955279925675241571", REFRESH_TOKEN, rotated -> { })
                .apiVersion(FakeOrg.VERSION).clock(time)
                .http(h -> h.timeout(Duration.ofSeconds(20)).callTimeout(Duration.ofSeconds(30)).sleeper(time::sleep));
    }

    @Override
    public void close() {
        wireMock.stop();
    }
}
