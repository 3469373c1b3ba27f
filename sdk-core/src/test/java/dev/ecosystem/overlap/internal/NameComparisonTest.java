package dev.ecosystem.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.MatchExplanation.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameComparisonTest {
    private static NameComparison.Verdict compare(String a, String b) {
        return NameComparison.compare(NameNormalizer.normalize(a), NameNormalizer.normalize(b), 0.9,
                NameRules.DEFAULT);
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "Valley National Bank|Valley National Tank|SHORT_WORD_DIFFERS",
        "Alpine Dental|Alpine Rental|DISTINGUISHING_WORD_DIFFERS",
        "Alpine Dental|Alpine Rental Group|WORD_COUNT_DIFFERS",
        "Alpine Dental|Alpine Dental Group|WORD_COUNT_DIFFERS",
        "Pinecrest|Pinecrest Motors|WORD_COUNT_DIFFERS",
        "Pinecrest Motors|Pinecrest Trust|WORDS_DIFFER",
        "Riverside Dental|Riverview Dental|WORDS_DIFFER",
        "Acme Widgets|Acne Widgets|SHORT_WORD_DIFFERS",
        "トヨタ|トヨダ|WORDS_DIFFER",
        "한빛|한빗|WORDS_DIFFER",
    })
    @DisplayName("Names of different companies do not match, and the rule that decided is named")
    void differentCompanies_doNotMatch(String a, String b, Rule rule) {
        NameComparison.Verdict verdict = compare(a, b);

        assertThat(verdict.matched()).as(verdict.reason()).isFalse();
        assertThat(verdict.rule()).isEqualTo(rule);
        assertThat(verdict.confidence()).isZero();
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "Riverside Dental|Rverside Dental|TYPO",
        "Riverside Dental|Rivreside Dental|TYPO",
        "Ironbridge Brewing|Ironbrige Brewing|TYPO",
        "Blue Harbor Capital|Blue Habor Capital|TYPO",
        "Summit Robotics|Summit Robofics|TYPO",
        "Pioneer Solar|PioneerSolar|SAME_LETTERS",
        "Saint Mary Medical|St. Mary Medical|SAME_NAME",
        "Acme International Inc.|ACME INTL|SAME_NAME",
        "Østergaard ApS|Ostergaard|SAME_NAME",
        "ООО «Ромашка»|Ромашка|SAME_NAME",
        "サクラ株式会社|さくら|SAME_NAME",
        "國際貿易有限公司|国际贸易|SAME_NAME",
    })
    @DisplayName("Variants of one company's name match, and the rule that decided is named")
    void variants_match(String a, String b, Rule rule) {
        NameComparison.Verdict verdict = compare(a, b);

        assertThat(verdict.matched()).as(verdict.reason()).isTrue();
        assertThat(verdict.rule()).isEqualTo(rule);
        assertThat(verdict.confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "riverside|rverside|9",
        "riverside|rivreside|9",
        "harbor|habor|11",
        "robotics|robofics|14",
        "dental|rental|12",
    })
    void oneTypo_isOneEditInALongWord(String x, String y, int nameLength) {
        assertThat(NameComparison.oneTypo(x, y, nameLength)).isTrue();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "bank|tank|8",
        "atlas|atals|10",
        "riverside|riverview|9",
        "alpine|alpien|6",
        "acme|acmes|8",
    })
    void oneTypo_isNotMoreOrInAShortWord(String x, String y, int nameLength) {
        assertThat(NameComparison.oneTypo(x, y, nameLength)).isFalse();
    }

    @ParameterizedTest(name = "threshold {0}")
    @CsvSource({"0.98, false", "0.97, true"})
    @DisplayName("A typo counts only at a threshold its confidence reaches")
    void typo_countsOnlyAtAThresholdItsConfidenceReaches(double threshold, boolean matched) {
        NameComparison.Verdict verdict = NameComparison.compare("riverside dental", "rverside dental", threshold,
                NameRules.DEFAULT);

        assertThat(verdict.matched()).isEqualTo(matched);
        assertThat(verdict.rule()).isEqualTo(matched ? Rule.TYPO : Rule.BELOW_THRESHOLD);
        assertThat(verdict.different()).containsExactly("riverside ~ rverside");
        assertThat(verdict.same()).containsExactly("dental");
    }
}
