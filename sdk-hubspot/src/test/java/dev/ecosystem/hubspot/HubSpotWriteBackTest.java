package dev.ecosystem.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.DealId;
import dev.ecosystem.spi.ProviderException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Write-back: a partner source on a deal, an introduction note on a company. */
class HubSpotWriteBackTest {
    private static PortalServer server;
    private HubSpotCrm crm;

    @BeforeAll
    static void startServer() {
        server = new PortalServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() {
        server.reset();
        crm = server.connector(CompanyId.of("tenant")).partnerSourceProperty("partner_source").build();
    }

    @Test
    @DisplayName("Recording a partner source sets the host's deal property")
    void recordPartnerSource_setsDealProperty() {
        server.wireMock.stubFor(patch(urlPathEqualTo("/crm/v3/objects/deals/33995947220")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"33995947220\",\"properties\":{\"partner_source\":\"Acme Partners\"},"
                        + "\"createdAt\":\"2024-11-01T16:55:12.963Z\",\"updatedAt\":\"2026-06-01T12:00:00Z\","
                        + "\"archived\":false}")));

        assertThat(crm.supportsWriteBack()).isTrue();
        crm.recordPartnerSource(DealId.of("33995947220"), CompanyId.of("acme"), "Acme Partners");

        server.wireMock.verify(patchRequestedFor(urlPathEqualTo("/crm/v3/objects/deals/33995947220"))
                .withRequestBody(equalToJson("{\"properties\":{\"partner_source\":\"Acme Partners\"}}")));
    }

    @Test
    @DisplayName("Logging an introduction creates a note associated with the company")
    void logIntroduction_createsCompanyNote() {
        server.wireMock.stubFor(post(urlPathEqualTo("/crm/v3/objects/notes")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"501\",\"properties\":{},\"archived\":false}")));

        crm.logIntroduction(AccountId.of("2810868468"), "Introduced Ana to Ben");

        server.wireMock.verify(postRequestedFor(urlPathEqualTo("/crm/v3/objects/notes"))
                .withRequestBody(matchingJsonPath("$.properties.hs_note_body", equalTo("Introduced Ana to Ben")))
                .withRequestBody(matchingJsonPath("$.properties.hs_timestamp"))
                .withRequestBody(matchingJsonPath("$.associations[0].to.id", equalTo("2810868468")))
                .withRequestBody(matchingJsonPath("$.associations[0].types[0].associationTypeId",
                        equalTo("190"))));
    }

    @Test
    @DisplayName("A note whose outcome is unknown (502) is not sent twice")
    void logIntroduction_unknownOutcome_isNotRepeated() {
        server.wireMock.stubFor(post(urlPathEqualTo("/crm/v3/objects/notes")).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> crm.logIntroduction(AccountId.of("1"), "note"))
                .isInstanceOf(ProviderException.class)
                .satisfies(e -> assertThat(((ProviderException) e).status()).isEqualTo(502));
        server.wireMock.verify(1, postRequestedFor(urlPathEqualTo("/crm/v3/objects/notes")));
    }
}
