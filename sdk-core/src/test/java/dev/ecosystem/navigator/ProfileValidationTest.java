package dev.ecosystem.navigator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Criterion;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.model.Tag;
import org.junit.jupiter.api.Test;

/** Profiles, taxonomies and category relations refuse bad input with messages that say what is wrong. */
class ProfileValidationTest {
    private static IdealPartnerProfile.Builder technology() {
        return IdealPartnerProfile.builder(PartnerType.TECHNOLOGY);
    }

    @Test
    void build_normalizesTags_andKeepsEverySetting() {
        IdealPartnerProfile profile = technology().requireBusiness(" SaaS ").preferBusiness("Email Marketing", 3)
                .preferRole("partnerships", 2).excludeBusiness("agency").preferSignal("Runs Partner Program", 1)
                .sizeBands(SizeBand.SMALL).weight(Criterion.INDUSTRIES, 15).overlapTarget(50)
                .includeExistingPartners(true).build();

        assertThat(profile.partnerType()).isEqualTo(PartnerType.TECHNOLOGY);
        assertThat(profile.required()).containsExactly(Tag.business("saas"));
        assertThat(profile.preferred()).containsEntry(Tag.business("email-marketing"), 3)
                .containsEntry(Tag.role("partnerships"), 2);
        assertThat(profile.excluded()).containsExactly(Tag.business("agency"));
        assertThat(profile.preferredSignals()).containsEntry("runs-partner-program", 1);
        assertThat(profile.sizeBands()).containsExactly(SizeBand.SMALL);
        assertThat(profile.weight(Criterion.INDUSTRIES)).isEqualTo(15);
        assertThat(profile.weight(Criterion.COMPLEMENTARITY)).isEqualTo(20);
        assertThat(profile.overlapTarget()).isEqualTo(50);
        assertThat(profile.includeExistingPartners()).isTrue();
    }

    @Test
    void build_refusesAnEmptyProfile() {
        assertThatThrownBy(() -> technology().excludeBusiness("agency").build())
                .isInstanceOf(ValidationException.class)
                .hasMessage("ideal partner profile must require or prefer at least one business or role tag, but had "
                        + "none (excluded: [business:agency])");
    }

    @Test
    void build_refusesContradictions() {
        assertThatThrownBy(() -> technology().requireBusiness("crm").excludeBusiness("CRM").build())
                .isInstanceOf(ValidationException.class)
                .hasMessage("ideal partner profile is contradictory: tag business:crm is both required and excluded");
        assertThatThrownBy(() -> technology().preferRole("sales", 1).excludeRole("sales").build())
                .isInstanceOf(ValidationException.class)
                .hasMessage("ideal partner profile is contradictory: tag role:sales is both preferred and excluded");
    }

    @Test
    void weights_outOfRange_areRefused() {
        assertThatThrownBy(() -> technology().weight(Criterion.REGIONS, 101))
                .isInstanceOf(ValidationException.class)
                .hasMessage("weight of criterion REGIONS must be between 0 and 100, but was 101");
        assertThatThrownBy(() -> technology().weight(Criterion.REGIONS, -1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("but was -1");
        assertThatThrownBy(() -> technology().preferBusiness("crm", 0))
                .isInstanceOf(ValidationException.class)
                .hasMessage("weight of preferred tag business:crm must be between 1 and 10, but was 0");
        assertThatThrownBy(() -> technology().preferSignal("refers", 11))
                .isInstanceOf(ValidationException.class).hasMessageContaining("preferred signal refers");
        assertThatThrownBy(() -> technology().overlapTarget(0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("overlapTarget");
    }

    @Test
    void badTagValues_andNulls_areRefused() {
        assertThatThrownBy(() -> technology().preferBusiness("crm!", 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("\"crm!\"");
        assertThatThrownBy(() -> technology().requireBusiness((String) null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tag value is required");
        assertThatThrownBy(() -> IdealPartnerProfile.builder(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("partnerType");
        assertThatThrownBy(() -> technology().sizeBands((SizeBand) null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("size band");
    }

    @Test
    void taxonomy_expandsSynonymsAndAncestors_andRefusesCyclesAndConflicts() {
        TagTaxonomy taxonomy = TagTaxonomy.builder().synonym("business:E-Mail Marketing", "business:email-marketing")
                .parent("business:email-marketing", "business:martech")
                .parent("business:martech", "business:software").build();

        assertThat(taxonomy.expand(Tag.business("e-mail-marketing"))).containsExactly(Tag.business("email-marketing"),
                Tag.business("martech"), Tag.business("software"));
        assertThat(TagTaxonomy.none().expand(Tag.business("crm"))).containsExactly(Tag.business("crm"));
        assertThatThrownBy(() -> TagTaxonomy.builder().parent("business:a", "business:b")
                .parent("business:b", "business:a").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("cycle");
        assertThatThrownBy(() -> TagTaxonomy.builder().parent("business:a", "role:b"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("same namespace");
        assertThatThrownBy(() -> TagTaxonomy.builder().synonym("business:a", "business:b")
                .synonym("business:a", "business:c"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already stands for business:b");
        assertThatThrownBy(() -> TagTaxonomy.builder().synonym("business:a", "business:b")
                .synonym("business:b", "business:c").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("itself a synonym");
        assertThatThrownBy(() -> TagTaxonomy.builder().parent("crm", "business:software"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("business:value");
    }

    @Test
    void categoryRelations_goBothWays_andRefuseSelfLoops() {
        CategoryRelations relations = CategoryRelations.builder().feeds("CRM", "email marketing").build();

        assertThat(relations.downstreamOf("crm")).containsExactly("email-marketing");
        assertThat(relations.upstreamOf("email-marketing")).containsExactly("crm");
        assertThat(CategoryRelations.none().upstreamOf("crm")).isEmpty();
        assertThatThrownBy(() -> CategoryRelations.builder().feeds("crm", " CRM "))
                .isInstanceOf(ValidationException.class).hasMessage("a category cannot feed itself, but was \"crm\"");
    }
}
