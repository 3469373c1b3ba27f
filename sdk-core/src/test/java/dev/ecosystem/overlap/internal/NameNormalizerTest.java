package dev.ecosystem.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameNormalizerTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Acme|acme",
        "ACME Inc.|acme",
        "Acme, Inc|acme",
        "Acme Incorporated|acme",
        "Acme LLC|acme",
        "Acme L.L.C.|acme",
        "Acme Ltd|acme",
        "Acme Limited|acme",
        "Acme Pty Ltd|acme",
        "Acme GmbH|acme",
        "Acme GmbH & Co. KG|acme",
        "Acme AG|acme",
        "Acme S.A.|acme",
        "Acme SAS|acme",
        "Acme B.V.|acme",
        "Acme plc|acme",
        "The Acme Company|acme",
        "Acme Corp.|acme",
        "Park Brewing (US)|park brewing",
        "Schmidt & García Co.|schmidt garcia",
        "Schmidt and Garcia|schmidt garcia",
        "PioneerSolar|pioneersolar",
        "Pioneer Solar|pioneer solar",
        "J & J Snack Foods|jj snack foods",
        "3M Company|3m",
        "Inc.|inc",
        "(unknown)|''",
        "- - -|''",
        "Łukasiewicz Sp. z o.o.|lukasiewicz",
        "Co-op Bank|co op bank",
    })
    void normalize_foldsCasePunctuationAccentsAndLegalForms(String name, String expected) {
        assertThat(NameNormalizer.normalize(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "Sørensen|sorensen",
        "Ærø Shipping|aero shipping",
        "Großmann|grossmann",
        "Łódź Foods|lodz foods",
        "Crème Brûlée Café|creme brulee cafe",
        "Ｓｕｍｍｉｔ Ｌａｂｓ|summit laboratories",
        "Άλφα|αλφα",
        "Ёлка|елка",
    })
    @DisplayName("Latin, Greek and Cyrillic accents fold, and ø æ ß ł are spelled out")
    void latinGreekCyrillic_fold(String name, String expected) {
        assertThat(NameNormalizer.normalize(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "ООО «Ромашка»|ромашка",
        "Ромашка ООО|ромашка",
        "АО Сибирь|сибирь",
        "ПАО Северсталь|северсталь",
        "Άλφα Α.Ε.|αλφα",
        "株式会社トヨタ|とよた",
        "トヨタ株式会社|とよた",
        "(株)サクラ|さくら",
        "㈱ミドリ|みどり",
        "國際貿易有限公司|国际贸易",
        "国际贸易有限公司|国际贸易",
        "주식회사 삼성|삼성",
        "삼성 주식회사|삼성",
        "(주)한빛|한빛",
    })
    @DisplayName("Legal forms in other scripts go at the start and the end: ООО, АО, ПАО, Α.Ε., 株式会社, 有限公司, 주식회사")
    void legalFormsOfOtherScripts_areRemoved(String name, String expected) {
        assertThat(NameNormalizer.normalize(name)).isEqualTo(expected);
    }

    @Test
    @DisplayName("Hangul syllables and voiced kana stay whole; katakana fold to hiragana; traditional Chinese to simplified")
    void cjkAndHangul_stayWhole_andFold() {
        assertThat(NameNormalizer.normalize("한빛")).isEqualTo("한빛").hasSize(2);
        assertThat(NameNormalizer.normalize("한빛")).isNotEqualTo(NameNormalizer.normalize("한빗"));
        assertThat(NameNormalizer.normalize("トヨダ")).isEqualTo("とよだ").isNotEqualTo(NameNormalizer.normalize("トヨタ"));
        assertThat(NameNormalizer.normalize("ｻｸﾗ")).isEqualTo(NameNormalizer.normalize("さくら"));
        assertThat(NameNormalizer.normalize("東方銀行")).isEqualTo(NameNormalizer.normalize("东方银行"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "Acme International|Acme Intl",
        "Acme Int'l|Acme International",
        "Acme Technologies|Acme Tech",
        "Acme Systems|Acme Sys",
        "Acme Manufacturing|Acme Mfg.",
        "Jones Brothers|Jones Bros.",
        "Smith Associates|Smith Assoc",
        "Acme Management|Acme Mgmt",
        "Valley National Bank|Valley Natl Bank",
        "Mount Vernon Mills|Mt. Vernon Mills",
        "Saint Mary Medical|St. Mary Medical",
        "Sankt Pauli Brauerei|St Pauli Brauerei",
    })
    @DisplayName("Abbreviations of the shipped table are the words they stand for")
    void abbreviations_areTheirWords(String full, String shortened) {
        assertThat(NameNormalizer.normalize(shortened)).isEqualTo(NameNormalizer.normalize(full));
    }

    @Test
    @DisplayName("A host's legal forms and abbreviations extend the shipped ones")
    void hostRules_extendTheShippedOnes() {
        NameRules rules = NameRules.DEFAULT.with(Set.of("sp k", "EOOD"), Map.of("Holdings", "Hldgs"), Set.of());

        assertThat(NameNormalizer.normalize("Acme Sp. k.", rules)).isEqualTo("acme");
        assertThat(NameNormalizer.normalize("Acme EOOD", rules)).isEqualTo("acme");
        assertThat(NameNormalizer.normalize("Acme Hldgs", rules)).isEqualTo(NameNormalizer.normalize("Acme Holdings",
                rules));
        assertThat(NameNormalizer.normalize("Acme International", rules)).isEqualTo("acme international");
        assertThat(NameNormalizer.normalize("Acme Sp. k.")).as("shipped rules unchanged").isEqualTo("acme sp k");
    }

    @Test
    @DisplayName("Blocks are the first three letters without spaces")
    void blocks_areTheFirstThreeLetters() {
        assertThat(NameNormalizer.block("acme holdings")).isEqualTo("acm");
        assertThat(NameNormalizer.block("a b c d")).isEqualTo("abc");
        assertThat(NameNormalizer.block("ab")).isEqualTo("ab");
    }
}
