package dev.ecosystem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TagTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "business:crm|business:crm",
        "  Business : Email   Marketing |business:email-marketing",
        "ROLE:Head of\tPartnerships|role:head-of-partnerships",
        "business:B2B/SaaS|business:b2b/saas",
        "business:Données|business:données",
    })
    void parse_normalizesCaseAndWhitespace(String raw, String expected) {
        assertThat(Tag.parse(raw).toString()).isEqualTo(expected);
    }

    @Test
    void parse_printedForm_roundTrips() {
        Tag tag = Tag.role("VP Alliances");
        assertThat(Tag.parse(tag.toString())).isEqualTo(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "-leading-dash", "semi;colon", "quote\"d", "pipe|d"})
    void business_invalidValue_isRejectedWithTheValue(String value) {
        assertThatThrownBy(() -> Tag.business(value))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("tag value must be 1 to 64");
    }

    @Test
    void business_tooLong_isRejected() {
        assertThatThrownBy(() -> Tag.business("x".repeat(65))).isInstanceOf(ValidationException.class);
        assertThat(Tag.business("x".repeat(64)).value()).hasSize(64);
    }

    @Test
    void parse_unknownNamespace_namesIt() {
        assertThatThrownBy(() -> Tag.parse("industry:retail"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("\"business\" or \"role\"")
                .hasMessageContaining("industry");
    }

    @Test
    void parse_withoutColon_isRejected() {
        assertThatThrownBy(() -> Tag.parse("crm")).hasMessageContaining("business:value");
    }

    @Test
    void compareTo_ordersByNamespaceThenValue() {
        assertThat(Tag.business("z").compareTo(Tag.role("a"))).isNegative();
        assertThat(Tag.business("a").compareTo(Tag.business("b"))).isNegative();
    }
}
