package dev.ecosystem.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.ReauthorizationRequiredException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions: the refresh-token and JWT bearer flows, the instance URL, expired sessions and revoked grants. */
class SalesforceAuthTest extends OrgTestSupport {

    @BeforeEach
    void load() {
        server.reset();
        Fixtures.accounts(server.org, 30, 10);
    }

    @Test
    void refreshFlow_callsTheInstanceUrlOfTheTokenResponse() {
        SalesforceCrm crm = server.connector(TENANT).build();

        assertThat(crm.accounts(PageRequest.first(100)).items()).hasSize(30);

        // The login host is localhost; the org answers only on 127.0.0.1, the token response's instance_url.
        assertThat(server.org.calls(call -> call.path().equals("/services/oauth2/token"))).isEqualTo(1);
    }

    @Test
    void rotatedRefreshToken_isHandedToTheHost_andUsedForTheNextRefresh() {
        server.org.rotateRefreshTokens = true;
        List<String> stored = new CopyOnWriteArrayList<>();
        SalesforceCrm crm = server.connector(TENANT)
                .oauth("3MVG9lKcPoNINVBIPJjdw1J9LLM82Hn", "secret", OrgServer.REFRESH_TOKEN, stored::add).build();

        crm.accounts(PageRequest.first(10));
        server.org.expireSessions();
        crm.accounts(PageRequest.first(10));

        assertThat(stored).hasSize(2).doesNotHaveDuplicates().allMatch(token -> token.startsWith("5Aep861rotated"));
    }

    @Test
    void expiredSession_isRenewedOnce_andTheCallRetried() {
        SalesforceCrm crm = server.connector(TENANT).build();
        crm.accounts(PageRequest.first(10));
        server.org.expireSessions();

        assertThat(crm.accounts(PageRequest.first(10)).items()).hasSize(10);
        assertThat(server.org.calls(call -> call.path().equals("/services/oauth2/token"))).isEqualTo(2);
    }

    @Test
    void sessionRefusedAgainAfterRenewal_failsWithoutLooping() {
        SalesforceCrm crm = server.connector(TENANT).build();
        server.wireMockRefusesEverySession();

        assertThatThrownBy(() -> crm.accounts(PageRequest.first(10)))
                .isInstanceOf(dev.ecosystem.spi.ProviderException.class)
                .hasMessageContaining("INVALID_SESSION_ID").hasMessageContaining("even after renewing");
        assertThat(server.org.calls(call -> call.path().equals("/services/oauth2/token"))).isEqualTo(2);
    }

    @Test
    void revokedRefreshToken_raisesTheTypedReauthorizationError() {
        server.org.revoke(OrgServer.REFRESH_TOKEN);
        SalesforceCrm crm = server.connector(TENANT).build();

        assertThatThrownBy(() -> crm.accounts(PageRequest.first(10)))
                .isInstanceOfSatisfying(ReauthorizationRequiredException.class, e -> {
                    assertThat(e.tenant()).isEqualTo(TENANT);
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.provider()).isEqualTo("salesforce");
                })
                .hasMessageContaining("invalid_grant").hasMessageNotContaining(OrgServer.REFRESH_TOKEN);
    }

    @Test
    void jwtBearerFlow_sendsAnRs256AssertionSalesforceCanVerify() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        server.org.jwtKey = keys.getPublic();
        SalesforceCrm crm = server.connector(TENANT)
                .jwtBearer("3MVG9lKcPoNINVBIPJjdw1J9LLM82Hn", "integration@acme.example", keys.getPrivate()).build();

        assertThat(crm.accounts(PageRequest.first(100)).items()).hasSize(30);

        String[] parts = server.org.assertions.get(0).split("\\.");
        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(claims.path("iss").asText()).isEqualTo("3MVG9lKcPoNINVBIPJjdw1J9LLM82Hn");
        assertThat(claims.path("sub").asText()).isEqualTo("integration@acme.example");
        assertThat(claims.path("aud").asText()).isEqualTo(server.loginUrl());
        assertThat(claims.path("exp").asLong()).isBetween(server.time.instant().getEpochSecond(),
                server.time.instant().plus(Duration.ofMinutes(3)).getEpochSecond());
    }

    @Test
    void jwtBearerFlow_withAnotherKey_isRefusedAsAReauthorization() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        server.org.jwtKey = generator.generateKeyPair().getPublic();
        SalesforceCrm crm = server.connector(TENANT)
                .jwtBearer("3MVG9lKcPoNINVBIPJjdw1J9LLM82Hn", "integration@acme.example",
                        generator.generateKeyPair().getPrivate()).build();

        assertThatThrownBy(() -> crm.accounts(PageRequest.first(10)))
                .isInstanceOf(ReauthorizationRequiredException.class);
    }

    @Test
    void builder_withoutCredentials_orWithANonRsaKey_isRefused() throws Exception {
        assertThatThrownBy(() -> SalesforceCrm.builder().tenant(TENANT).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("credentials");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        assertThatThrownBy(() -> SalesforceCrm.builder().jwtBearer("key", "user@x.example",
                ec.generateKeyPair().getPrivate()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("RSA");
        assertThatThrownBy(() -> server.connector(TENANT).http(h -> h.maxAttempts(11)).build())
                .isInstanceOf(ValidationException.class).hasMessage("maxAttempts must be between 1 and 10, but was 11");
    }
}
