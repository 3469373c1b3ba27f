package dev.ecosystem.navigator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Criterion;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.SizeBand;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each criterion scores what it says, and every match explains its points. */
class NavigatorCriteriaTest {
    static final CompanyId ACME = CompanyId.of("acme");

    private final Map<CompanyId, Integer> shared = new HashMap<>();
    private EcosystemClient client;

    @BeforeEach
    void setUp() {
        client = EcosystemClient.builder()
                .tagTaxonomy(TagTaxonomy.builder()
                        .synonym("business:e-mail-marketing", "business:email-marketing")
                        .parent("business:email-marketing", "business:martech")
                        .parent("business:sms-marketing", "business:martech")
                        .build())
                .categoryRelations(CategoryRelations.builder()
                        .feeds("crm", "email-marketing")
                        .feeds("email-marketing", "analytics")
                        .build())
                .overlapSignal(searcher -> searcher.equals(ACME) ? Map.copyOf(shared) : Map.of())
                .build();
        client.register(Company.builder(ACME, "Acme Mail").businessTags("email-marketing", "saas")
                .industries("retail", "saas").regions("emea", "north-america").sizeBand(SizeBand.SMALL)
                .productCategories("email-marketing").listed(true).build());
    }

    static Company.Builder company(String id, UnaryOperator<Company.Builder> details) {
        return details.apply(Company.builder(CompanyId.of(id), "Company " + id).listed(true));
    }

    private void register(String id, UnaryOperator<Company.Builder> details) {
        client.register(company(id, details).build());
    }

    /** A profile in which only {@code counted} counts; every company tagged {@code saas} is a candidate. */
    private static IdealPartnerProfile.Builder only(Criterion... counted) {
        IdealPartnerProfile.Builder builder = IdealPartnerProfile.builder(PartnerType.TECHNOLOGY).requireBusiness("saas");
        for (Criterion criterion : Criterion.values()) {
            builder.weight(criterion, List.of(counted).contains(criterion) ? 10 : 0);
        }
        return builder;
    }

    /** A profile in which only preferred tags count: the MaxScore path. */
    static IdealPartnerProfile.Builder tagsOnly() {
        return IdealPartnerProfile.builder(PartnerType.TECHNOLOGY).weight(Criterion.INDUSTRIES, 0)
                .weight(Criterion.REGIONS, 0).weight(Criterion.SIZE_BANDS, 0).weight(Criterion.COMPLEMENTARITY, 0)
                .weight(Criterion.OVERLAP, 0);
    }

    private List<PartnerMatch> search(IdealPartnerProfile profile) {
        return client.as(ACME).navigator().search(profile, PageRequest.first(100)).items();
    }

    private static List<String> ids(List<PartnerMatch> matches) {
        return matches.stream().map(match -> match.company().id().value()).toList();
    }

    private static CriterionScore criterion(PartnerMatch match, Criterion criterion) {
        return match.criteria().stream().filter(score -> score.criterion() == criterion).findFirst().orElseThrow();
    }

    @Test
    void businessTags_scoreTheWeightedShareOfPreferredTags_andExplainIt() {
        register("both", b -> b.businessTags("crm", "analytics"));
        register("crm", b -> b.businessTags("crm"));
        register("analytics", b -> b.businessTags("analytics"));
        register("none", b -> b.businessTags("hr"));
        List<PartnerMatch> matches = search(tagsOnly().preferBusiness("crm", 3).preferBusiness("analytics", 1)
                .build());

        assertThat(ids(matches)).containsExactly("both", "crm", "analytics");
        assertThat(matches).extracting(PartnerMatch::score).containsExactly(100.0, 75.0, 25.0);
        CriterionScore crm = criterion(matches.get(1), Criterion.BUSINESS_TAGS);
        assertThat(crm.points()).isEqualTo(75.0);
        assertThat(crm.matched()).containsExactly("business:crm");
        assertThat(crm.missing()).containsExactly("business:analytics");
    }

    @Test
    void businessTags_manyPreferredTags_areScoredLikeFew() {
        register("first-and-last", b -> b.businessTags("t0", "t69"));
        register("middle", b -> b.businessTags("t30"));
        IdealPartnerProfile.Builder builder = tagsOnly();
        for (int i = 0; i < 70; i++) {
            builder.preferBusiness("t" + i, i == 30 ? 10 : 1);
        }

        List<PartnerMatch> matches = search(builder.build());

        assertThat(ids(matches)).containsExactly("middle", "first-and-last");
        assertThat(matches.get(0).score()).isEqualTo(12.658228); // 10 of 79
    }

    @Test
    void roleTags_comeFromTheCandidatesPeople_withoutShowingThem() {
        register("with-partner-manager", b -> b.businessTags("saas"));
        register("sales-only", b -> b.businessTags("saas"));
        client.as(CompanyId.of("with-partner-manager")).contacts().save(Contact.builder(ContactId.of("c1"),
                CompanyId.of("with-partner-manager"), "Pat Secret", "pat.secret@example.com")
                .roleTags("partnerships").build());
        client.as(CompanyId.of("sales-only")).contacts().save(Contact.builder(ContactId.of("c2"),
                CompanyId.of("sales-only"), "Sam Seller", "sam@example.com").roleTags("sales").build());

        List<PartnerMatch> matches = search(only(Criterion.ROLE_TAGS).preferRole("partnerships", 2).build());

        assertThat(ids(matches)).containsExactly("with-partner-manager");
        assertThat(matches.get(0).score()).isEqualTo(100.0);
        assertThat(criterion(matches.get(0), Criterion.ROLE_TAGS).matched()).containsExactly("role:partnerships");
        assertThat(matches.get(0).toString()).doesNotContain("Pat", "pat.secret", "c1");
    }

    @Test
    void industriesAndRegions_scoreTheOverlapWithTheSearchersOwn() {
        register("retail-emea", b -> b.businessTags("saas").industries("retail").regions("emea", "apac"));
        register("both-industries", b -> b.businessTags("saas").industries("retail", "saas", "media"));

        List<PartnerMatch> byIndustry = search(only(Criterion.INDUSTRIES).build());
        List<PartnerMatch> byRegion = search(only(Criterion.REGIONS).build());

        assertThat(ids(byIndustry)).containsExactly("both-industries", "retail-emea");
        assertThat(byIndustry).extracting(PartnerMatch::score).containsExactly(100.0, 50.0);
        CriterionScore half = criterion(byIndustry.get(1), Criterion.INDUSTRIES);
        assertThat(half.matched()).containsExactly("industry:retail");
        assertThat(half.missing()).containsExactly("industry:saas");
        assertThat(ids(byRegion)).containsExactly("retail-emea");
        assertThat(byRegion.get(0).score()).isEqualTo(50.0);
    }

    @Test
    void sizeBands_matchTheSearchersOwnBand_orTheWantedOnes() {
        register("small", b -> b.businessTags("saas").sizeBand(SizeBand.SMALL));
        register("large", b -> b.businessTags("saas").sizeBand(SizeBand.LARGE));
        register("unknown", b -> b.businessTags("saas"));

        assertThat(ids(search(only(Criterion.SIZE_BANDS).build()))).containsExactly("small");
        List<PartnerMatch> wanted = search(only(Criterion.SIZE_BANDS).sizeBands(SizeBand.LARGE, SizeBand.ENTERPRISE)
                .build());
        assertThat(ids(wanted)).containsExactly("large");
        assertThat(wanted.get(0).score()).isEqualTo(100.0);
        assertThat(criterion(wanted.get(0), Criterion.SIZE_BANDS).matched()).containsExactly("size:large");
    }

    @Test
    void complementarity_rewardsUpstreamAndDownstreamCategories_butNotHeadOnCompetitors() {
        register("crm-vendor", b -> b.businessTags("saas").productCategories("crm"));
        register("analytics-vendor", b -> b.businessTags("saas").productCategories("analytics", "crm"));
        register("competitor", b -> b.businessTags("saas").productCategories("email-marketing", "crm"));
        register("unrelated", b -> b.businessTags("saas").productCategories("payroll"));

        IdealPartnerProfile profile = only(Criterion.COMPLEMENTARITY).build();
        List<PartnerMatch> matches = search(profile);

        assertThat(ids(matches)).containsExactly("analytics-vendor", "crm-vendor");
        assertThat(matches).extracting(PartnerMatch::score).containsOnly(100.0);
        PartnerMatch competitor = client.as(ACME).navigator().evaluate(profile, CompanyId.of("competitor"));
        assertThat(competitor.score()).isZero();
        assertThat(criterion(competitor, Criterion.COMPLEMENTARITY).missing()).contains("competes:email-marketing");
        assertThat(criterion(matches.get(1), Criterion.COMPLEMENTARITY).matched()).containsExactly("category:crm");
    }

    @Test
    void signals_scoreTheWeightedShareOfPreferredSignals() {
        register("program", b -> b.businessTags("saas").signals("runs-partner-program"));
        register("referrer", b -> b.businessTags("saas").signals("refers-regularly", "recently-funded"));

        List<PartnerMatch> matches = search(only(Criterion.SIGNALS).preferSignal("Runs Partner Program", 3)
                .preferSignal("refers-regularly", 1).build());

        assertThat(ids(matches)).containsExactly("program", "referrer");
        assertThat(matches).extracting(PartnerMatch::score).containsExactly(75.0, 25.0);
        assertThat(criterion(matches.get(0), Criterion.SIGNALS).matched()).containsExactly("signal:runs-partner-program");
    }

    @Test
    void overlap_scoresSharedCustomersUpToTheTarget() {
        register("many", b -> b.businessTags("saas"));
        register("few", b -> b.businessTags("saas"));
        register("unknown", b -> b.businessTags("saas"));
        shared.put(CompanyId.of("many"), 400);
        shared.put(CompanyId.of("few"), 5);

        List<PartnerMatch> matches = search(only(Criterion.OVERLAP).overlapTarget(20).build());

        // An unknown count is no zero: "unknown" has the required tag, so it is a candidate, scored 0 of nothing.
        assertThat(ids(matches)).containsExactly("many", "few", "unknown");
        assertThat(matches).extracting(PartnerMatch::score).containsExactly(100.0, 25.0, 0.0);
        assertThat(criterion(matches.get(1), Criterion.OVERLAP).matched()).containsExactly("shared-customers:5");
        PartnerMatch unknown = client.as(ACME).navigator().evaluate(only(Criterion.OVERLAP).build(),
                CompanyId.of("unknown"));
        assertThat(criterion(unknown, Criterion.OVERLAP).missing()).containsExactly("shared-customers:unknown");
    }

    @Test
    void requiredTag_withAKnownOverlapCount_keepsTheCandidatesWithoutACount() {
        register("counted", b -> b.businessTags("saas"));
        register("other", b -> b.businessTags("saas"));
        register("untagged", b -> b.businessTags("crm"));
        IdealPartnerProfile profile = only(Criterion.OVERLAP).overlapTarget(10).build();
        assertThat(ids(search(profile))).containsExactly("counted", "other");

        shared.put(CompanyId.of("counted"), 5);

        assertThat(ids(search(profile))).containsExactly("counted", "other");
        assertThat(search(profile)).extracting(PartnerMatch::score).containsExactly(50.0, 0.0);
    }

    @Test
    void overlap_unknownCount_doesNotLowerAScore_butAKnownLowCountDoes() {
        register("known", b -> b.businessTags("saas", "crm"));
        register("unknown", b -> b.businessTags("saas", "crm"));
        shared.put(CompanyId.of("known"), 1);
        IdealPartnerProfile profile = tagsOnly().preferBusiness("crm", 1).weight(Criterion.BUSINESS_TAGS, 10)
                .weight(Criterion.OVERLAP, 10).overlapTarget(4).build();

        List<PartnerMatch> matches = search(profile);

        assertThat(ids(matches)).containsExactly("unknown", "known");
        // crm is all the tags asked for: 100 out of the tags alone; with a count of 1 of 4, (10 + 2.5) of 20.
        assertThat(matches).extracting(PartnerMatch::score).containsExactly(100.0, 62.5);
        assertThat(criterion(matches.get(0), Criterion.OVERLAP).missing()).containsExactly("shared-customers:unknown");
        assertThat(criterion(matches.get(0), Criterion.OVERLAP).points()).isZero();
        assertThat(criterion(matches.get(0), Criterion.BUSINESS_TAGS).points()).isEqualTo(100.0);
        assertThat(criterion(matches.get(1), Criterion.OVERLAP).points()).isEqualTo(12.5);
        assertThat(client.as(ACME).navigator().evaluate(profile, CompanyId.of("unknown")).score()).isEqualTo(100.0);
    }

    @Test
    void overlap_countsOfPartnersLeftOutOfTheSearch_doNotCount() {
        register("partner", b -> b.businessTags("crm"));
        register("candidate", b -> b.businessTags("crm"));
        client.as(ACME).partnerships().create(CompanyId.of("partner"), PartnerType.TECHNOLOGY,
                dev.ecosystem.model.PartnershipStatus.ACTIVE);
        shared.put(CompanyId.of("partner"), 3);
        IdealPartnerProfile profile = tagsOnly().preferBusiness("crm", 1).weight(Criterion.BUSINESS_TAGS, 10)
                .weight(Criterion.OVERLAP, 10).build();

        List<PartnerMatch> matches = search(profile);

        assertThat(ids(matches)).containsExactly("candidate");
        assertThat(matches.get(0).score()).isEqualTo(100.0);
        assertThat(matches.get(0).criteria()).extracting(CriterionScore::criterion)
                .containsExactly(Criterion.BUSINESS_TAGS);
    }

    @Test
    void taxonomy_matchesSynonymsAndChildTags() {
        register("email", b -> b.businessTags("e-mail-marketing"));
        register("sms", b -> b.businessTags("sms-marketing"));
        register("crm", b -> b.businessTags("crm"));

        List<PartnerMatch> martech = search(tagsOnly().preferBusiness("MarTech", 1).build());
        // Nothing counts but the requirement: every company that has it is a candidate, scoring 0.
        List<PartnerMatch> email = search(tagsOnly().requireBusiness("e-mail-marketing").build());

        assertThat(ids(martech)).containsExactly("email", "sms");
        assertThat(criterion(martech.get(0), Criterion.BUSINESS_TAGS).matched()).containsExactly("business:martech");
        assertThat(ids(email)).containsExactly("email");
        assertThat(email.get(0).score()).isZero();
    }

    @Test
    void requiredAndExcludedTags_filterCandidates_andEvaluateExplainsWhy() {
        register("fit", b -> b.businessTags("saas", "crm"));
        register("agency", b -> b.businessTags("saas", "crm", "agency"));
        register("no-saas", b -> b.businessTags("crm"));
        IdealPartnerProfile profile = IdealPartnerProfile.builder(PartnerType.SERVICES).requireBusiness("saas")
                .preferBusiness("crm", 1).excludeBusiness("agency").build();

        assertThat(ids(search(profile))).containsExactly("fit");
        PartnerMatch agency = client.as(ACME).navigator().evaluate(profile, CompanyId.of("agency"));
        assertThat(criterion(agency, Criterion.BUSINESS_TAGS).missing()).contains("excluded:business:agency");
        PartnerMatch noSaas = client.as(ACME).navigator().evaluate(profile, CompanyId.of("no-saas"));
        assertThat(criterion(noSaas, Criterion.BUSINESS_TAGS).missing()).contains("required:business:saas");
        assertThat(criterion(noSaas, Criterion.BUSINESS_TAGS).matched()).contains("business:crm");
    }

    @Test
    void fullProfile_pointsOfAllCriteriaAddUpToTheScore() {
        register("partial", b -> b.businessTags("saas", "crm").industries("retail").regions("emea")
                .sizeBand(SizeBand.SMALL).productCategories("analytics").signals("runs-partner-program"));
        shared.put(CompanyId.of("partial"), 10);
        IdealPartnerProfile profile = IdealPartnerProfile.builder(PartnerType.TECHNOLOGY).preferBusiness("crm", 2)
                .preferBusiness("payments", 2).preferRole("partnerships", 1)
                .preferSignal("runs-partner-program", 1).build();

        PartnerMatch match = search(profile).get(0);

        assertThat(match.criteria()).extracting(CriterionScore::criterion).containsExactly(Criterion.values());
        assertThat(match.criteria().stream().mapToDouble(CriterionScore::points).sum())
                .isCloseTo(match.score(), within(1e-5));
        // 40*1/2 + 10*0 + 10*1/2 + 5*1/2 + 5 + 20 + 5 + 5*10/25 = 59.5 of 100
        assertThat(match.score()).isEqualTo(59.5);
    }
}
