package dev.ecosystem.attribution;

import static dev.ecosystem.attribution.Fixtures.TENANT;
import static dev.ecosystem.attribution.Fixtures.deal;
import static dev.ecosystem.attribution.Fixtures.partner;
import static dev.ecosystem.attribution.Fixtures.touch;
import static dev.ecosystem.attribution.Fixtures.usd;
import static dev.ecosystem.attribution.Fixtures.won;
import static dev.ecosystem.model.TouchpointKind.CO_SELL;
import static dev.ecosystem.model.TouchpointKind.SOURCED_REFERRAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.intro.FunnelCounts;
import dev.ecosystem.intro.IntroFunnel;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.referral.RegistrationCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Partner alpha sourced d1 (won 1,111.11); partner bravo sourced d2 (won 7,777.77) and co-sold d3 (open,
 * 3,333.33) with alpha; direct deal d4 (won 9,999.99). Alpha's scorecard must show none of bravo's or the direct
 * figures.
 */
class ScorecardTest {
    private static final ReportPeriod Q1 = ReportPeriod.quarter(2025, 1);
    private static final String NAME = "Alpha <script>alert('x')</script> & \"Co\"";

    private final Attribution attribution = Attribution.builder()
            .clock(Clock.fixed(Instant.parse("2025-04-02T00:00:00Z"), ZoneOffset.UTC)).build();
    private final AttributionData data = AttributionData.of(TENANT,
            List.of(won("d1", "1111.11", "USD", "2025-01-10", "2025-02-09"),
                    won("d2", "7777.77", "USD", "2025-01-12", "2025-02-20"),
                    deal("d3", "3333.33", "USD", DealStatus.OPEN, "2025-03-01", null),
                    won("d4", "9999.99", "USD", "2025-01-02", "2025-03-09")),
            List.of(touch("t1", "partner-alpha", "d1", SOURCED_REFERRAL, "2025-01-05"),
                    touch("t2", "partner-bravo", "d2", SOURCED_REFERRAL, "2025-01-05"),
                    touch("t3", "partner-alpha", "d3", CO_SELL, "2025-03-02"),
                    touch("t4", "partner-bravo", "d3", CO_SELL, "2025-03-03")));
    private final FunnelCounts funnel = new FunnelCounts(12, 8, 6, 3, 1, 1, 1, Duration.ofHours(60),
            Duration.ofHours(52));

    private Scorecard alpha() {
        return attribution.scorecard(data, partner("partner-alpha"), NAME, Q1, funnel);
    }

    @Test
    @DisplayName("the value object holds the partner's own figures and twelve months of pipeline")
    void valueObject() {
        Scorecard card = alpha();
        assertThat(card.sourcedPipeline()).isEqualTo(usd("1111.11"));
        assertThat(card.sourcedRevenue()).isEqualTo(usd("1111.11"));
        assertThat(card.influencedPipeline()).isEqualTo(usd("1666.67"));
        assertThat(card.influencedRevenue()).isEqualTo(usd("0.00"));
        assertThat(card.dealsWon()).isEqualTo(1);
        assertThat(card.winRate()).isEqualByComparingTo("1");
        assertThat(card.pipeline()).hasSize(12);
        assertThat(card.pipeline().get(11).month()).hasToString("2025-03");
        assertThat(card.pipeline().get(11).influenced()).isEqualTo(usd("1666.67"));
        assertThat(card.pipeline().get(9).sourced()).isEqualTo(usd("1111.11"));
        assertThat(card.generatedOn()).hasToString("2025-04-02");
    }

    @Test
    @DisplayName("the JSON has the partner's figures and nothing of another partner or of direct deals")
    void json_containsNoOtherPartnersData() throws Exception {
        String json = alpha().toJson();
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("partnerId").asText()).isEqualTo("partner-alpha");
        assertThat(root.get("partnerName").asText()).isEqualTo(NAME);
        assertThat(root.get("sourcedRevenue").asText()).isEqualTo("1111.11");
        assertThat(root.get("influencedPipeline").asText()).isEqualTo("1666.67");
        assertThat(root.get("averageDealSize").asText()).isEqualTo("1111.11");
        assertThat(root.get("winRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(root.get("pipelineByMonth")).hasSize(12);
        assertThat(root.get("introductions").get("connected").asLong()).isEqualTo(6);
        assertThat(root.get("introductions").get("medianTimeToConnect").asText()).isEqualTo("PT52H");
        assertNoForeignData(json);
    }

    @Test
    @DisplayName("the HTML is self-contained, escapes every text and has nothing of another partner")
    void html_selfContainedEscapedAndOwnDataOnly() {
        String html = alpha().toHtml();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg ", "aria-label=\"Introduction funnel\"",
                "aria-label=\"Sourced and influenced pipeline by month\"", "1,111.11 USD", "Median time to connect: 2 days");
        assertThat(html).contains("Alpha &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;");
        assertThat(html).doesNotContain("<script", "src=", "href=", "url(", "@import", "http:", "https:");
        assertNoForeignData(html);
    }

    @Test
    @DisplayName("the introduction funnel intros().funnel(...) returns is taken as it is: the partner's row is used")
    void introFunnel_isTakenAsItComes() {
        IntroFunnel vendorFunnel = new IntroFunnel(funnel, new TreeMap<>(),
                new TreeMap<>(Map.of(partner("partner-alpha"), funnel, partner("partner-bravo"), new FunnelCounts(
                        99, 99, 99, 99, 0, 0, 0, Duration.ZERO, Duration.ZERO))), new TreeMap<>());

        assertThat(attribution.scorecard(data, partner("partner-alpha"), NAME, Q1, vendorFunnel)).isEqualTo(alpha());
        assertThat(attribution.scorecard(data, partner("partner-zulu"), "Zulu", Q1, vendorFunnel))
                .isEqualTo(attribution.scorecard(data, partner("partner-zulu"), "Zulu", Q1));
    }

    @Test
    @DisplayName("a partner without credit or introductions gets a scorecard of zeros")
    void unknownPartner() {
        Scorecard card = attribution.scorecard(data, partner("partner-zulu"), "Zulu", Q1);
        assertThat(card.sourcedPipeline()).isEqualTo(usd("0.00"));
        assertThat(card.winRate()).isNull();
        assertThat(card.introductions().requested()).isZero();
        assertThat(card.toHtml()).contains("n/a");
        assertNoForeignData(card.toJson());
    }

    @Test
    @DisplayName("the registrations section shows what the partner's referrals did, in the JSON and the page")
    void registrationsSection() throws Exception {
        Scorecard card = attribution.scorecard(data, partner("partner-alpha"), NAME, Q1, (FunnelCounts) null,
                new RegistrationCounts(5, 3, 1, 2, 0, 1, 1));

        JsonNode registrations = new ObjectMapper().readTree(card.toJson()).get("registrations");
        assertThat(registrations.get("submitted").asLong()).isEqualTo(5);
        assertThat(registrations.get("won").asLong()).isEqualTo(2);
        assertThat(registrations.get("open").asLong()).isEqualTo(1);
        assertThat(card.toHtml()).contains("Referrals (deal registration)", "<td>5</td>");
        assertThat(attribution.scorecard(data, partner("partner-alpha"), NAME, Q1).registrations())
                .isEqualTo(RegistrationCounts.none());
    }

    @Test
    @DisplayName("A copy through toBuilder equals the scorecard; a missing required figure is refused by name")
    void builder_copiesAndValidates() {
        Scorecard card = alpha();

        assertThat(card.toBuilder().build()).isEqualTo(card).hasSameHashCodeAs(card);
        assertThat(card.toBuilder().build().toJson()).isEqualTo(card.toJson());
        assertThat(card.toBuilder().dealsWon(card.dealsWon() + 1).build()).isNotEqualTo(card);
        assertThat(card.toString()).startsWith("Scorecard[partner=partner-alpha, partnerName=");
        assertThatThrownBy(() -> card.toBuilder().partner(null).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("scorecard partner is required");
    }

    private static void assertNoForeignData(String text) {
        assertThat(text).doesNotContain("bravo", "7777", "7,777", "9999", "9,999", "1666.66", "d2", "d4",
                "0.5000");
    }
}
