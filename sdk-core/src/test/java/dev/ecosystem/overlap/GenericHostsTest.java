package dev.ecosystem.overlap;

import static dev.ecosystem.overlap.OverlapFixture.ACME;
import static dev.ecosystem.overlap.OverlapFixture.GLOBEX;
import static dev.ecosystem.overlap.OverlapFixture.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Match;
import dev.ecosystem.model.MatchExplanation;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Social networks, directories, site builders and hosting: many unrelated companies have a page under each, so such
 * a host never matches two accounts on its own; their names decide.
 */
class GenericHostsTest {
    private final Overlaps overlaps = new OverlapFixture().acme();

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
        "https://www.linkedin.com/company/copper-kettle, https://linkedin.com/company/blue-harbor",
        "https://facebook.com/copperkettle, https://www.facebook.com/blueharbor",
        "https://sites.google.com/view/copperkettle, https://sites.google.com/view/blueharbor",
        "https://github.com/copper-kettle, https://github.com/blue-harbor",
        "https://medium.com/@copperkettle, https://medium.com/@blueharbor",
        "https://bit.ly/3xYz, https://bit.ly/9aBc"})
    @DisplayName("Two different companies with pages on one generic host do not match")
    void differentCompanies_onOneGenericHost_doNotMatch(String first, String second) {
        MatchExplanation explanation = overlaps.explain(account(ACME, "x", "Copper Kettle Coffee", first, null),
                account(GLOBEX, "y", "Blue Harbor Logistics", second, null));

        assertThat(explanation.matched()).as(explanation.reason()).isFalse();
        assertThat(explanation.domainA()).contains("generic");
        assertThat(explanation.domainB()).contains("generic");
    }

    @Test
    @DisplayName("The same company on its own domain and on a LinkedIn page matches by name")
    void ownDomainAndLinkedInPage_matchByName() {
        MatchExplanation explanation = overlaps.explain(
                account(ACME, "x", "Copper Kettle", "https://copperkettle.com", null),
                account(GLOBEX, "y", "Copper Kettle Inc.", "https://www.linkedin.com/company/copper-kettle", null));

        assertThat(explanation.matched()).as(explanation.reason()).isTrue();
        assertThat(explanation.match().method()).isEqualTo(Match.Method.NAME);
    }

    @Test
    @DisplayName("The shipped list covers free mail, social networks, directories, site builders and shorteners")
    void defaults_coverEveryKindOfGenericHost() {
        assertThat(OverlapSettings.DEFAULT_GENERIC_DOMAINS)
                .contains("gmail.com", "linkedin.com", "facebook.com", "x.com", "crunchbase.com", "wixsite.com",
                        "github.com", "bit.ly")
                .allSatisfy(domain -> assertThat(domain).doesNotContain("#").isLowerCase().doesNotContain(" "));
    }

    @Test
    @DisplayName("A host adds its own generic hosts to the shipped ones")
    void host_extendsTheList() {
        Overlaps extended = new OverlapFixture(OverlapSettings.builder()
                .addGenericDomains(Set.of("regionalsocial.net")).build()).acme();

        MatchExplanation added = extended.explain(
                account(ACME, "x", "Copper Kettle", "https://regionalsocial.net/copper-kettle", null),
                account(GLOBEX, "y", "Blue Harbor", "https://regionalsocial.net/blue-harbor", null));
        MatchExplanation shipped = extended.explain(
                account(ACME, "x", "Copper Kettle", "https://linkedin.com/company/a", null),
                account(GLOBEX, "y", "Blue Harbor", "https://linkedin.com/company/b", null));

        assertThat(added.matched()).isFalse();
        assertThat(added.domainA()).contains("generic");
        assertThat(shipped.matched()).as("the shipped hosts stay generic").isFalse();
        assertThatThrownBy(() -> OverlapSettings.builder().addGenericDomains(Set.of("bad\ndomain")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("generic domain");
    }
}
