package dev.ecosystem.navigator;

import static dev.ecosystem.navigator.NavigatorCriteriaTest.company;
import static dev.ecosystem.navigator.NavigatorCriteriaTest.tagsOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Criterion;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.SizeBand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search through the client: tenancy, incremental updates, paging, and evaluate agreeing with search. */
class NavigatorSearchTest {
    private static final CompanyId ACME = CompanyId.of("acme");
    private static final CompanyId GLOBEX = CompanyId.of("globex");
    private static final IdealPartnerProfile CRM = tagsOnly().preferBusiness("crm", 1).build();

    private EcosystemClient client;

    @BeforeEach
    void setUp() {
        client = EcosystemClient.create();
        client.register(company("acme", b -> b.businessTags("crm", "saas")).build());
        client.register(company("globex", b -> b.businessTags("crm")).build());
    }

    private void register(String id, String... tags) {
        client.register(company(id, b -> b.businessTags(tags)).build());
    }

    private List<String> searchIds(CompanyId searcher, IdealPartnerProfile profile) {
        List<String> ids = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            Page<PartnerMatch> page = client.as(searcher).navigator().search(profile, PageRequest.after(cursor, 3));
            page.items().forEach(match -> ids.add(match.company().id().value()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    @Test
    void search_neverShowsTheSearcherOrUnlistedCompanies() {
        client.register(company("hidden", b -> b.businessTags("crm").listed(false)).build());

        assertThat(searchIds(ACME, CRM)).containsExactly("globex");
        assertThatThrownBy(() -> client.as(ACME).navigator().evaluate(CRM, CompanyId.of("hidden")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("hidden");
        assertThatThrownBy(() -> client.as(ACME).navigator().evaluate(CRM, CompanyId.of("nobody")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> client.as(ACME).navigator().evaluate(CRM, ACME))
                .isInstanceOf(ValidationException.class).hasMessageContaining("searcher");
        // An unlisted company still searches the listed network.
        assertThat(searchIds(CompanyId.of("hidden"), CRM)).containsExactly("acme", "globex");
    }

    @Test
    void search_leavesOutTheSearcher_whenItIsTheBestMatch_withoutAPhantomPage() {
        IdealPartnerProfile profile = tagsOnly().preferBusiness("crm", 1).preferBusiness("saas", 1).build();
        register("initech", "crm");
        // acme (crm, saas) would rank first; globex and initech (crm) are the only results, one page of two.
        Page<PartnerMatch> page = client.as(ACME).navigator().search(profile, PageRequest.first(2));
        assertThat(page.items()).extracting(match -> match.company().id().value())
                .containsExactly("globex", "initech");
        assertThat(page.nextCursor()).isNull();

        register("umbrella", "crm");
        Page<PartnerMatch> first = client.as(ACME).navigator().search(profile, PageRequest.first(2));
        assertThat(first.items()).extracting(match -> match.company().id().value())
                .containsExactly("globex", "initech");
        assertThat(first.nextCursor()).isNotNull();
        Page<PartnerMatch> second = client.as(ACME).navigator().search(profile,
                PageRequest.after(first.nextCursor(), 2));
        assertThat(second.items()).extracting(match -> match.company().id().value()).containsExactly("umbrella");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void search_excludesOnlyTheSearchersOwnCurrentPartners_unlessAsked() {
        register("initech", "crm");
        register("umbrella", "crm");
        client.as(ACME).partnerships().create(GLOBEX, PartnerType.TECHNOLOGY, PartnershipStatus.ACTIVE);
        var ended = client.as(ACME).partnerships().create(CompanyId.of("umbrella"), PartnerType.TECHNOLOGY,
                PartnershipStatus.ACTIVE);
        client.as(ACME).partnerships().changeStatus(ended.id(), PartnershipStatus.ENDED);
        // Another tenant's partnership is its own business: it changes nothing for acme.
        client.as(GLOBEX).partnerships().create(CompanyId.of("initech"), PartnerType.TECHNOLOGY,
                PartnershipStatus.ACTIVE);

        assertThat(searchIds(ACME, CRM)).containsExactly("initech", "umbrella");
        assertThat(searchIds(ACME, tagsOnly().preferBusiness("crm", 1).includeExistingPartners(true).build()))
                .containsExactly("globex", "initech", "umbrella");
        assertThat(searchIds(GLOBEX, CRM)).containsExactly("acme", "umbrella");
    }

    @Test
    void search_andEvaluate_leaveOutCompaniesBlockedInEitherDirection() {
        register("initech", "crm");
        register("umbrella", "crm");
        register("hooli", "crm");
        client.as(ACME).intros().block(GLOBEX); // acme blocks globex
        client.as(CompanyId.of("umbrella")).intros().block(ACME); // umbrella blocks acme

        assertThat(searchIds(ACME, CRM)).containsExactly("hooli", "initech");
        // The blocks say nothing about other searchers.
        assertThat(searchIds(CompanyId.of("initech"), CRM)).containsExactly("acme", "globex", "hooli", "umbrella");
        // Blocked in either direction: neither side finds the other.
        assertThat(searchIds(GLOBEX, CRM)).doesNotContain("acme");
        assertThat(searchIds(CompanyId.of("umbrella"), CRM)).doesNotContain("acme");
        assertThatThrownBy(() -> client.as(ACME).navigator().evaluate(CRM, GLOBEX))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("globex").hasMessageContaining("blocked");
        assertThatThrownBy(() -> client.as(ACME).navigator().evaluate(CRM, CompanyId.of("umbrella")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("umbrella");

        client.as(CompanyId.of("umbrella")).intros().unblock(ACME);
        assertThat(searchIds(ACME, CRM)).containsExactly("hooli", "initech", "umbrella");
        assertThat(client.as(ACME).navigator().evaluate(CRM, CompanyId.of("umbrella")).score()).isPositive();
    }

    @Test
    void search_fillsItsPages_whenManyResultsBlockTheSearcher() {
        for (int i = 0; i < 12; i++) {
            register("c" + (10 + i), "crm");
            if (i % 2 == 0) {
                client.as(CompanyId.of("c" + (10 + i))).intros().block(ACME);
            }
        }
        assertThat(searchIds(ACME, CRM)).containsExactly("c11", "c13", "c15", "c17", "c19", "c21", "globex");
    }

    @Test
    void search_neverShowsACompanyThatBlocksTheSearcher_andStillFillsThePage() {
        Set<String> blockers = new LinkedHashSet<>();
        for (int i = 0; i < 30; i++) {
            String id = "c" + (10 + i);
            register(id, "crm");
            if (i % 3 != 2) { // two of every three rank among the first
                client.as(CompanyId.of(id)).intros().block(ACME);
                blockers.add(id);
            }
        }

        Page<PartnerMatch> first = client.as(ACME).navigator().search(CRM, PageRequest.first(10));
        Page<PartnerMatch> second = client.as(ACME).navigator().search(CRM, PageRequest.after(first.nextCursor(),
                10));

        assertThat(first.items()).hasSize(10);
        assertThat(second.items()).hasSize(1);
        assertThat(second.nextCursor()).isNull();
        List<String> shown = new ArrayList<>();
        first.items().forEach(match -> shown.add(match.company().id().value()));
        second.items().forEach(match -> shown.add(match.company().id().value()));
        assertThat(shown).doesNotContainAnyElementsOf(blockers).doesNotHaveDuplicates().contains("globex");
    }

    @Test
    void search_seesEveryChangeMadeThroughTheClient() {
        assertThat(searchIds(ACME, CRM)).containsExactly("globex");

        register("initech", "crm");
        assertThat(searchIds(ACME, CRM)).containsExactly("globex", "initech");

        client.as(GLOBEX).network().updateProfile(company("globex", b -> b.businessTags("hr")).build());
        assertThat(searchIds(ACME, CRM)).containsExactly("initech");

        client.as(CompanyId.of("initech")).network().updateProfile(
                company("initech", b -> b.businessTags("crm").listed(false)).build());
        assertThat(searchIds(ACME, CRM)).isEmpty();

        register("umbrella", "crm");
        client.remove(CompanyId.of("umbrella"));
        assertThat(searchIds(ACME, CRM)).isEmpty();
        assertThatThrownBy(() -> client.remove(CompanyId.of("umbrella"))).isInstanceOf(NotFoundException.class);

        // Imports straight into client.store() are seen too.
        client.store().useTransaction(tx -> tx.companies().put(company("imported", b -> b.businessTags("crm"))
                .build()));
        assertThat(searchIds(ACME, CRM)).containsExactly("imported");
    }

    @Test
    void search_seesRoleTagsOfPeopleAddedAndRemoved() {
        IdealPartnerProfile partnerships = tagsOnly().preferRole("partnerships", 1).build();
        assertThat(searchIds(ACME, partnerships)).isEmpty();

        Contact ada = Contact.builder(ContactId.of("ada"), GLOBEX, "Ada", "ada@globex.com").roleTags("partnerships")
                .build();
        client.as(GLOBEX).contacts().save(ada);
        assertThat(searchIds(ACME, partnerships)).containsExactly("globex");

        client.as(GLOBEX).contacts().remove(ContactId.of("ada"));
        assertThat(searchIds(ACME, partnerships)).isEmpty();
    }

    @Test
    void paging_returnsEveryMatchOnce_inRankOrder_whileTheNetworkChanges() {
        for (int i = 0; i < 20; i++) {
            register(String.format("c%02d", i), i % 2 == 0 ? new String[] {"crm", "analytics"} : new String[] {"crm"});
        }
        IdealPartnerProfile profile = tagsOnly().preferBusiness("crm", 1).preferBusiness("analytics", 1).build();
        var navigator = client.as(ACME).navigator();

        Page<PartnerMatch> first = navigator.search(profile, PageRequest.first(8));
        // Between pages: a new best match ranks before the cursor (so it is not shown), one not yet shown leaves.
        register("a-new-best", "crm", "analytics");
        client.remove(CompanyId.of("c19"));
        List<String> all = new ArrayList<>();
        first.items().forEach(match -> all.add(match.company().id().value()));
        @Nullable String cursor = first.nextCursor();
        while (cursor != null) {
            Page<PartnerMatch> page = navigator.search(profile, PageRequest.after(cursor, 8));
            page.items().forEach(match -> all.add(match.company().id().value()));
            cursor = page.nextCursor();
        }

        assertThat(first.items()).extracting(match -> match.company().id().value())
                .containsExactly("c00", "c02", "c04", "c06", "c08", "c10", "c12", "c14");
        assertThat(first.items().get(0).score()).isEqualTo(100.0);
        assertThat(all).containsExactly("c00", "c02", "c04", "c06", "c08", "c10", "c12", "c14", "c16", "c18",
                "c01", "c03", "c05", "c07", "c09", "c11", "c13", "c15", "c17", "globex");
    }

    @Test
    void paging_rejectsMalformedCursors() {
        var navigator = client.as(ACME).navigator();
        assertThatThrownBy(() -> navigator.search(CRM, PageRequest.after("not a cursor!", 10)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cursor");
        String foreign = client.as(ACME).network().listed(PageRequest.first(1)).nextCursor();
        if (foreign != null) {
            assertThatThrownBy(() -> navigator.search(CRM, PageRequest.after(foreign, 10)))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("cursor");
        }
        String wrongShape = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("navigator.search\nabc".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> navigator.search(CRM, PageRequest.after(wrongShape, 10)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cursor is malformed");
    }

    @Test
    void evaluate_givesTheScoreAndExplanationOfSearch_forRandomNetworksAndProfiles() {
        Random random = new Random(11);
        String[] tags = {"crm", "analytics", "payments", "martech", "hr", "saas", "agency", "billing"};
        String[] values = {"retail", "saas", "media", "health"};
        Map<CompanyId, Integer> shared = new HashMap<>();
        EcosystemClient network = EcosystemClient.builder()
                .categoryRelations(CategoryRelations.builder().feeds("crm", "payments").feeds("payments", "billing")
                        .build())
                .overlapSignal(searcher -> shared)
                .build();
        List<CompanyId> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            CompanyId id = CompanyId.of(String.format("co-%03d", i));
            ids.add(id);
            network.register(company(id.value(), b -> b.businessTags(pick(random, tags, 3))
                    .industries(pick(random, values, 2)).regions(pick(random, values, 2))
                    .sizeBand(SizeBand.values()[random.nextInt(5)]).productCategories(pick(random, tags, 2))
                    .signals(pick(random, values, 1)).listed(random.nextInt(10) > 0)).build());
            if (random.nextBoolean()) {
                shared.put(id, random.nextInt(40));
            }
        }
        for (int round = 0; round < 25; round++) {
            CompanyId searcher = ids.get(random.nextInt(ids.size()));
            IdealPartnerProfile.Builder builder = IdealPartnerProfile.builder(
                    PartnerType.values()[random.nextInt(4)]);
            Set<String> used = new LinkedHashSet<>();
            for (String tag : pick(random, tags, 1 + random.nextInt(4))) {
                used.add(tag);
                builder.preferBusiness(tag, 1 + random.nextInt(10));
            }
            if (round % 3 == 0) {
                builder.requireBusiness(tags[random.nextInt(tags.length)]);
            }
            String excluded = tags[random.nextInt(tags.length)];
            if (round % 2 == 0 && !used.contains(excluded)) {
                builder.excludeBusiness(excluded);
            }
            for (Criterion criterion : Criterion.values()) {
                if (random.nextInt(3) == 0) {
                    builder.weight(criterion, random.nextInt(3) == 0 ? 0 : random.nextInt(101));
                }
            }
            builder.preferSignal(values[random.nextInt(values.length)], 1 + random.nextInt(3));
            IdealPartnerProfile profile = builder.build();
            var navigator = network.as(searcher).navigator();

            List<PartnerMatch> found = new ArrayList<>();
            @Nullable String cursor = null;
            do {
                Page<PartnerMatch> page = navigator.search(profile, PageRequest.after(cursor, 7));
                found.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor != null);

            assertThat(found).isSortedAccordingTo(Comparator.comparingDouble(PartnerMatch::score).reversed()
                    .thenComparing(match -> match.company().id()));
            for (PartnerMatch match : found) {
                assertThat(navigator.evaluate(profile, match.company().id())).isEqualTo(match);
            }
            // Every listed company that qualifies is found: evaluate, filtered by hand, gives the same list.
            List<CompanyId> expected = new ArrayList<>();
            for (CompanyId id : ids) {
                Company candidate = network.store().inTransaction(tx -> tx.companies().get(id));
                if (id.equals(searcher) || candidate == null || !candidate.listed()) {
                    continue;
                }
                PartnerMatch match = navigator.evaluate(profile, id);
                boolean eligible = match.criteria().stream().flatMap(score -> score.missing().stream())
                        .noneMatch(item -> item.startsWith("required:") || item.startsWith("excluded:"));
                if (eligible && match.score() > 0) {
                    expected.add(id);
                }
            }
            assertThat(found).extracting(PartnerMatch::company).extracting(Company::id)
                    .as("round %d: %s", round, profile).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static String[] pick(Random random, String[] from, int count) {
        Set<String> picked = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            picked.add(from[random.nextInt(from.length)]);
        }
        return picked.toArray(new String[0]);
    }

    @Test
    void searches_runSafelyWhileOtherThreadsChangeTheNetwork() throws Exception {
        for (int i = 0; i < 200; i++) {
            register(String.format("c%03d", i), "crm");
        }
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> searchers = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                searchers.add(pool.submit(() -> {
                    int searches = 0;
                    while (!done.get() || searches == 0) {
                        List<PartnerMatch> top = client.as(ACME).navigator().search(CRM, PageRequest.first(50))
                                .items();
                        assertThat(top).allSatisfy(match -> assertThat(match.company().listed()).isTrue());
                        assertThat(top).extracting(match -> match.company().id()).doesNotHaveDuplicates();
                        searches++;
                    }
                    return searches;
                }));
            }
            Random random = new Random(3);
            for (int i = 0; i < 1500; i++) {
                String id = String.format("c%03d", random.nextInt(200));
                client.register(company(id, b -> b.businessTags("crm").listed(random.nextInt(4) > 0)).build());
            }
            done.set(true);
            for (Future<Integer> searcher : searchers) {
                assertThat(searcher.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        long listed = client.store().inTransaction(tx -> tx.companies().list(PageRequest.first(1000)).items()
                .stream().filter(company -> company.listed() && !company.id().equals(ACME)).count());
        assertThat(searchIds(ACME, CRM)).hasSize((int) listed);
    }
}
