package dev.ecosystem.overlap;

import static dev.ecosystem.overlap.OverlapFixture.ACME;
import static dev.ecosystem.overlap.OverlapFixture.GLOBEX;
import static dev.ecosystem.overlap.OverlapFixture.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Match;
import dev.ecosystem.model.MatchExplanation.Rule;
import dev.ecosystem.model.MatchExplanation;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The name rules of issue 24 through {@link Overlaps#explain}: which rule decided, and on which words. */
class NameRulesTest {
    private final Overlaps overlaps = new OverlapFixture().acme();

    private MatchExplanation explain(String nameA, @Nullable String domainA, String nameB, @Nullable String domainB) {
        return overlaps.explain(account(ACME, "x", nameA, domainA, null), account(GLOBEX, "y", nameB, domainB, null));
    }

    @Test
    @DisplayName("Valley National Bank is not Valley National Tank: a short word must be equal")
    void shortWordsDiffer_noMatch() {
        MatchExplanation why = explain("Valley National Bank", null, "Valley National Tank", null);

        assertThat(why.matched()).isFalse();
        assertThat(why.rule()).isEqualTo(Rule.SHORT_WORD_DIFFERS);
        assertThat(why.sameWords()).containsExactly("valley", "national");
        assertThat(why.differentWords()).containsExactly("bank ≠ tank");
        assertThat(why.reason()).contains("bank", "tank");
    }

    @Test
    @DisplayName("Alpine Dental is neither Alpine Rental nor Alpine Rental Group nor Alpine Dental Group")
    void industryWordsAndPrefixes_noMatch() {
        assertThat(explain("Alpine Dental", null, "Alpine Rental", null).rule())
                .isEqualTo(Rule.DISTINGUISHING_WORD_DIFFERS);
        MatchExplanation group = explain("Alpine Dental", null, "Alpine Rental Group", null);
        assertThat(group.matched()).isFalse();
        assertThat(group.rule()).isEqualTo(Rule.WORD_COUNT_DIFFERS);
        MatchExplanation prefix = explain("Alpine Dental", null, "Alpine Dental Group", null);
        assertThat(prefix.matched()).isFalse();
        assertThat(prefix.differentWords()).containsExactly("+group");
    }

    @Test
    @DisplayName("A typo in the first letters (Rverside) matches, with the typo named and a calibrated confidence")
    void typoInFirstLetters_matches() {
        MatchExplanation why = explain("Riverside Dental LLC", "https://www.linkedin.com/company/riverside-dental",
                "Rverside Dental", null);

        assertThat(why.matched()).as(why.reason()).isTrue();
        assertThat(why.rule()).isEqualTo(Rule.TYPO);
        assertThat(why.match().method()).isEqualTo(Match.Method.NAME);
        assertThat(why.match().confidence()).isBetween(0.9, 0.99);
        assertThat(why.differentWords()).containsExactly("riverside ~ rverside");
        assertThat(why.domainA()).contains("generic");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "Saint Mary Medical Center|St. Mary Medical Center",
        "Acme International|Acme Intl",
        "Acme Technologies|Acme Tech",
        "Acme Systems|Acme Sys",
        "Acme Manufacturing|Acme Mfg",
        "Jones Brothers|Jones Bros",
        "Smith Associates|Smith Assoc",
        "Acme Management|Acme Mgmt",
        "National Grid|Natl Grid",
        "Mount Vernon Mills|Mt. Vernon Mills",
        "Østergaard|Ostergaard",
        "Ærø Shipping|Aero Shipping",
        "Großmann|Grossmann",
        "Łódź Foods|Lodz Foods",
        "ООО «Ромашка»|Ромашка",
        "АО Сибирь|Сибирь",
        "ПАО Северсталь|Северсталь",
        "Άλφα Α.Ε.|Αλφα",
        "株式会社トヨタ|トヨタ",
        "サクラ|さくら",
        "國際貿易有限公司|国际贸易",
        "주식회사 삼성|삼성",
    })
    @DisplayName("Abbreviations, folded letters and legal forms of other scripts match by name")
    void variants_matchByName(String a, String b) {
        MatchExplanation why = explain(a, null, b, null);

        assertThat(why.matched()).as(why.reason()).isTrue();
        assertThat(why.rule()).isEqualTo(Rule.SAME_NAME);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {"トヨタ|トヨダ", "한빛|한빗", "東方銀行|东方证券"})
    @DisplayName("Voicing marks and Hangul syllables are letters of their own: other names do not match")
    void kanaAndHangul_stayWhole(String a, String b) {
        assertThat(explain(a, null, b, null).matched()).isFalse();
    }

    @Test
    @DisplayName("Two companies on linkedin.com/company pages, or on github.io sites, match only by name")
    void profilePages_areNoDomain() {
        MatchExplanation linkedIn = explain("Copper Kettle", "https://www.linkedin.com/company/copper-kettle",
                "Blue Harbor", "linkedin.com/company/blue-harbor");
        MatchExplanation pages = explain("Copper Kettle", "https://copperkettle.github.io", "Copper Kettle Inc.",
                "https://www.linkedin.com/company/copper-kettle");
        MatchExplanation sites = explain("Copper Kettle", "https://copperkettle.github.io", "Blue Harbor",
                "https://blueharbor.github.io");

        assertThat(linkedIn.matched()).isFalse();
        assertThat(pages.matched()).isTrue();
        assertThat(pages.rule()).isEqualTo(Rule.SAME_NAME);
        assertThat(sites.matched()).isFalse();
        assertThat(sites.domainA()).contains("generic");
    }

    @Test
    @DisplayName("Domains that differ in their public suffix only let the names decide")
    void countryDomains_letNamesDecide() {
        MatchExplanation subsidiary = explain("Siemens AG", "siemens.de", "Siemens Ltd", "https://www.siemens.co.uk");
        MatchExplanation other = explain("Delta Möbel GmbH", "delta.de", "Delta Air Lines", "delta.com");
        MatchExplanation unrelated = explain("Siemens AG", "siemens.de", "Siemens AG", "siemens-energy.com");

        assertThat(subsidiary.matched()).as(subsidiary.reason()).isTrue();
        assertThat(subsidiary.match().method()).isEqualTo(Match.Method.NAME);
        assertThat(subsidiary.reason()).contains("public suffix");
        assertThat(other.matched()).isFalse();
        assertThat(unrelated.matched()).isFalse();
        assertThat(unrelated.rule()).isEqualTo(Rule.DIFFERENT_DOMAINS);
    }

    @Test
    @DisplayName("A host extends legal forms, abbreviations and distinguishing words through the settings")
    void hostExtendsTheNameRules() {
        Overlaps extended = new OverlapFixture(OverlapSettings.builder().addLegalForms(Set.of("EOOD"))
                .addAbbreviations(Map.of("Holdings", "Hldgs")).addDistinguishingWords(Set.of("Gardens", "Wardens"))
                .build()).acme();

        assertThat(extended.explain(account(ACME, "x", "Acme EOOD", null, null),
                account(GLOBEX, "y", "Acme", null, null)).matched()).isTrue();
        assertThat(extended.explain(account(ACME, "x", "Acme Hldgs", null, null),
                account(GLOBEX, "y", "Acme Holdings", null, null)).matched()).isTrue();
        assertThat(extended.explain(account(ACME, "x", "Summit Gardens", null, null),
                account(GLOBEX, "y", "Summit Wardens", null, null)).rule())
                .isEqualTo(Rule.DISTINGUISHING_WORD_DIFFERS);
        assertThat(explain("Acme EOOD", null, "Acme", null).matched()).as("shipped rules").isFalse();
        assertThatThrownBy(() -> OverlapSettings.builder().addAbbreviations(Map.of("St Louis", "STL")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("one word");
    }

    @Test
    @DisplayName("At a threshold above a rule's confidence its matches do not count, and the explanation says so")
    void threshold_dropsRulesBelowIt() {
        Overlaps strict = new OverlapFixture(OverlapSettings.builder().nameThreshold(0.98).build()).acme();

        MatchExplanation typo = strict.explain(account(ACME, "x", "Riverside Dental", null, null),
                account(GLOBEX, "y", "Rverside Dental", null, null));
        MatchExplanation equal = strict.explain(account(ACME, "x", "Riverside Dental", null, null),
                account(GLOBEX, "y", "RIVERSIDE DENTAL, INC.", null, null));

        assertThat(typo.matched()).isFalse();
        assertThat(typo.rule()).isEqualTo(Rule.BELOW_THRESHOLD);
        assertThat(equal.matched()).isTrue();
    }
}
