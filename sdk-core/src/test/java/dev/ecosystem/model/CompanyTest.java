package dev.ecosystem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
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
    void companyId_withCharactersOutsideTheIdAlphabet_failsNamingTheValueAndWhatIsAllowed() {
        for (String bad : new String[] {"Acme Inc!", "acme mail", "-acme", "acme/mail", "acmé", "a@b"}) {
            assertThatThrownBy(() -> CompanyId.of(bad))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("companyId must be 1 to 128 ASCII letters, digits or - _ . :")
                    .hasMessageContaining("but was \"" + bad + "\"");
        }
    }

    @Test
    void companyId_acceptsTheFormsHostsUse_trimmed() {
        for (String good : new String[] {"acme", "acme-mail", "co_0042", "acme.io", "9521", "hubspot:9521",
                "3f2c9a1e-5b7d-4c8e-9f10-2a3b4c5d6e7f", "Acme"}) {
            assertThat(CompanyId.of(good).value()).isEqualTo(good);
        }
        assertThat(CompanyId.of(" acme ").value()).isEqualTo("acme");
        assertThatThrownBy(() -> CompanyId.of("a".repeat(129))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("companyId");
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
