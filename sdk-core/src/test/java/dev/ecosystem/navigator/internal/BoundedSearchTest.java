package dev.ecosystem.navigator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Criterion;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.navigator.CategoryRelations;
import dev.ecosystem.navigator.TagTaxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pruned full-profile search returns exactly what scoring every document returns. */
class BoundedSearchTest {
    private final Random random = new Random(11);
    private final TermDictionary dictionary = new TermDictionary();
    private final CompanyTerms companyTerms = new CompanyTerms(TagTaxonomy.none());
    private final CategoryRelations relations = CategoryRelations.builder().feeds("c0", "c2").feeds("c0", "c3")
            .feeds("c4", "c0").feeds("c1", "c5").feeds("c6", "c1").build();

    @Test
    void bounded_returnsTheExhaustiveTopK_forRandomFullProfiles() {
        int documents = 4000;
        String[] keys = new String[documents];
        int[] starts = new int[documents + 1];
        List<Integer> flat = new ArrayList<>();
        for (int doc = 0; doc < documents; doc++) {
            keys[doc] = String.format(Locale.ROOT, "k%05d", doc);
            flat.addAll(randomTerms());
            starts[doc + 1] = flat.size();
        }
        TagIndex index = TagIndex.build(dictionary, keys, starts,
                flat.stream().mapToInt(Integer::intValue).toArray());
        for (int i = 0; i < 300; i++) {
            index.put(keys[random.nextInt(documents)], randomTerms().stream().mapToInt(Integer::intValue).toArray());
        }
        Snapshot snapshot = index.snapshot();
        int compared = 0;
        for (int q = 0; q < 150; q++) {
            Map<CompanyId, Integer> shared = new HashMap<>();
            for (int i = 0; i < random.nextInt(300); i++) {
                shared.put(CompanyId.of(keys[random.nextInt(documents)]), random.nextInt(12));
            }
            ProfileQuery query = ProfileQuery.compile(dictionary, companyTerms, relations, snapshot, randomSearcher(),
                    randomProfile(), shared);
            int k = 1 + random.nextInt(25);
            DocFilter filter = random.nextBoolean() ? DocFilter.ALL : (doc, score) -> doc % 7 != 3;
            List<String> expected = keysAndScores(snapshot,
                    TopDocs.exhaustive(snapshot, query, query.minScore(), k, filter, null));
            List<String> actual = keysAndScores(snapshot, TopDocs.bounded(snapshot, query, k, filter, null));
            assertThat(actual).as("query %d", q).isEqualTo(expected);
            compared += expected.size();
        }
        assertThat(compared).isGreaterThan(1000);
    }

    private List<Integer> randomTerms() {
        List<Integer> terms = new ArrayList<>();
        for (int i = 0; i < 2 + random.nextInt(5); i++) {
            terms.add(dictionary.encode("business:t" + (int) Math.floor(Math.pow(random.nextDouble(), 2) * 40)));
        }
        terms.add(dictionary.encode("industry:i" + random.nextInt(10)));
        if (random.nextBoolean()) {
            terms.add(dictionary.encode("industry:i" + random.nextInt(10)));
        }
        terms.add(dictionary.encode("region:r" + random.nextInt(5)));
        terms.add(dictionary.encode(CompanyTerms.size(SizeBand.values()[random.nextInt(SizeBand.values().length)])));
        int primary = random.nextInt(8);
        terms.add(dictionary.encode("primary:c" + primary));
        terms.add(dictionary.encode("category:c" + primary));
        if (random.nextBoolean()) {
            terms.add(dictionary.encode("category:c" + random.nextInt(8)));
        }
        for (int i = 0; i < random.nextInt(3); i++) {
            terms.add(dictionary.encode("signal:s" + random.nextInt(5)));
        }
        return terms;
    }

    private Company randomSearcher() {
        return Company.builder(CompanyId.of("searcher"), "Searcher")
                .industries("i" + random.nextInt(10), "i" + random.nextInt(10))
                .regions("r" + random.nextInt(5))
                .sizeBand(SizeBand.values()[random.nextInt(SizeBand.values().length)])
                .productCategories("c" + random.nextInt(8))
                .listed(true).build();
    }

    private IdealPartnerProfile randomProfile() {
        IdealPartnerProfile.Builder profile = IdealPartnerProfile.builder(PartnerType.TECHNOLOGY);
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            profile.preferBusiness("t" + random.nextInt(30), 1 + random.nextInt(10));
        }
        if (random.nextInt(3) == 0) {
            profile.excludeBusiness("t" + (30 + random.nextInt(10)));
        }
        if (random.nextBoolean()) {
            profile.preferSignal("s" + random.nextInt(5), 1 + random.nextInt(5));
        }
        for (Criterion criterion : Criterion.values()) {
            if (random.nextInt(3) > 0) {
                profile.weight(criterion, random.nextInt(101));
            }
        }
        return profile.overlapTarget(1 + random.nextInt(10)).build();
    }

    private static List<String> keysAndScores(Snapshot snapshot, TopK top) {
        int[] docs = new int[top.size()];
        long[] scores = new long[top.size()];
        int count = top.drain(docs, scores);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(snapshot.key(docs[i]) + "=" + scores[i]);
        }
        return result;
    }
}
