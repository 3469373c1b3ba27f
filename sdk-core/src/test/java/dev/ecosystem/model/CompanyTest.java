package dev.ecosystem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyTest {
    private static final CompanyId ID = CompanyId.of("acme");

    @Test
    void build_normalizesTagLikeFieldsAndKeepsPrimaryCategoryFirst() {
        Company company = Company.builder(ID, "  Acme Mail ")
                .webDomain("Acme.IO.")
                .businessTags("Email Marketing", "SaaS")
                .industries("Retail", "retail")
                .regions("North America")
                .productCategories("Email Marketing", "Analytics", "email marketing")
                .signals("Runs Partner Program")
                .listed(true)
                .build();

        assertThat(company.name()).isEqualTo("Acme Mail");
        assertThat(company.webDomain()).isEqualTo("acme.io");
        assertThat(company.businessTags()).containsExactly(Tag.business("email-marketing"), Tag.business("saas"));
        assertThat(company.industries()).containsExactly("retail");
        assertThat(company.regions()).containsExactly("north-america");
        assertThat(company.productCategories()).containsExactly("email-marketing", "analytics");
        assertThat(company.primaryCategory()).isEqualTo("email-marketing");
        assertThat(company.signals()).containsExactly("runs-partner-program");
    }

    @Test
    void build_roleTagAsBusinessTag_isRejected() {
        assertThatThrownBy(() -> Company.builder(ID, "Acme").businessTags(List.of(Tag.role("sales"))).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("businessTags of company acme must be business tags")
                .hasMessageContaining("role:sales");
    }

    @Test
    void build_urlAsWebDomain_isRejectedWithTheValue() {
        assertThatThrownBy(() -> Company.builder(ID, "Acme").webDomain("https://acme.io/about").build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("webDomain must be a host name")
                .hasMessageContaining("https://acme.io/about");
    }

    @Test
    void build_blankName_isRejected() {
        assertThatThrownBy(() -> Company.builder(ID, " ").build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("company name must not be blank");
    }

    @Test
    void toBuilder_copiesEveryField() {
        Company company = Company.builder(ID, "Acme").webDomain("acme.io").businessTags("crm").industries("retail")
                .regions("emea").sizeBand(SizeBand.SMALL).productCategories("crm").signals("co-sells").listed(true)
                .description("CRM for shops").build();

        assertThat(company.toBuilder().build()).isEqualTo(company);
    }

    @Test
    void companyId_withLineBreak_isRejected() {
        assertThatThrownBy(() -> CompanyId.of("a\nb"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("companyId must not contain control characters");
    }

    @Test
    void build_repeatedDescription_sharesOneInstance_andKeepsItsText() {
        Company first = Company.builder(CompanyId.of("a"), "A").description("We make things for " + "kind 7.").build();
        Company second = Company.builder(CompanyId.of("b"), "B").description(" We make things for kind " + 7 + ". ")
                .build();

        assertThat(second.description()).isEqualTo("We make things for kind 7.").isSameAs(first.description());
        assertThat(second).isEqualTo(second.toBuilder().build());
    }
}
