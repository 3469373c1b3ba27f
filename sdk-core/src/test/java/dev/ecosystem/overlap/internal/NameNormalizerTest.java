package dev.ecosystem.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
        "Park Brewing (US)|parkbrewing",
        "Schmidt & García Co.|schmidtgarcia",
        "Schmidt and Garcia|schmidtgarcia",
        "Sørensen & Zhang|sørensenzhang",
        "Crème Brûlée Café|cremebruleecafe",
        "PioneerSolar|pioneersolar",
        "Pioneer Solar|pioneersolar",
        "J & J Snack Foods|jjsnackfoods",
        "3M Company|3m",
        "Inc.|inc",
        "(unknown)|''",
        "- - -|''",
    })
    void normalize_foldsCasePunctuationAccentsAndLegalForms(String name, String expected) {
        assertThat(NameNormalizer.normalize(name)).isEqualTo(expected);
    }

    @Test
    void similarity_isHighForVariantsAndLowForDifferentCompanies() {
        assertThat(NameNormalizer.similarity("acme", "acme")).isEqualTo(1.0);
        assertThat(NameNormalizer.similarity(NameNormalizer.normalize("Ironbridge Brewing Co"),
                NameNormalizer.normalize("Iron Bridge Brewing"))).isEqualTo(1.0);
        assertThat(NameNormalizer.similarity("ironbridgebrewing", "ironbrigebrewing")).isGreaterThan(0.9);
        assertThat(NameNormalizer.similarity("ironbridgebrewing", "ironbridgelogistics")).isLessThan(0.9);
        assertThat(NameNormalizer.similarity("pinecrestmotors", "pinecresttrust")).isLessThan(0.9);
        assertThat(NameNormalizer.similarity("acme", "")).isZero();
    }

    @Test
    void block_isTheFirstThreeLetters() {
        assertThat(NameNormalizer.block("acmeholdings")).isEqualTo("acm");
        assertThat(NameNormalizer.block("ab")).isEqualTo("ab");
    }
}
