package dev.ecosystem.benchmarks.navigator;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.io.Network;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Criterion;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.Tag;
import dev.ecosystem.navigator.PartnerMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * The benchmark profiles as companies of the network, for measuring through the public API: each profile is a listed
 * company whose business tags are its Zipf tags ({@code t<rank>}), stored with {@link Network#storeInto} through
 * {@link EcosystemClient#store()} (the host's bulk import), and each query is an {@link IdealPartnerProfile} that
 * prefers the query's tags with its weights and counts no other criterion. The searcher is one more, unlisted
 * company.
 */
public final class ApiNetwork {
    /** The searching company: unlisted, without tags, so never a result. */
    public static final CompanyId SEARCHER = CompanyId.of("searcher");

    private ApiNetwork() {
    }

    /** The companies of profiles {@code from..to-1}. */
    public static List<Company> companies(ZipfProfiles data, int from, int to) {
        List<Company> companies = new ArrayList<>(to - from);
        for (int doc = from; doc < to; doc++) {
            List<Tag> tags = new ArrayList<>(data.starts[doc + 1] - data.starts[doc]);
            for (int i = data.starts[doc]; i < data.starts[doc + 1]; i++) {
                tags.add(Tag.business("t" + data.tags[i]));
            }
            companies.add(Company.builder(CompanyId.of(data.keys[doc]), data.keys[doc]).businessTags(tags)
                    .listed(true).build());
        }
        return companies;
    }

    /** A client on the embedded in-memory store holding the searcher and {@code companies}, stored in one import. */
    public static EcosystemClient client(List<Company> companies) {
        EcosystemClient client = EcosystemClient.create();
        client.register(Company.builder(SEARCHER, "Searcher").listed(false).build());
        new Network(companies, List.of()).storeInto(client.store());
        return client;
    }

    /** The profile of query {@code q}: its tags preferred with its weights, no other criterion counted. */
    public static IdealPartnerProfile profile(ZipfProfiles data, int q) {
        IdealPartnerProfile.Builder builder = IdealPartnerProfile.builder(PartnerType.TECHNOLOGY);
        for (Criterion criterion : Criterion.values()) {
            builder.weight(criterion, criterion == Criterion.BUSINESS_TAGS ? 1 : 0);
        }
        for (int i = 0; i < data.queryTags[q].length; i++) {
            builder.preferBusiness("t" + data.queryTags[q][i], (int) data.queryWeights[q][i]);
        }
        return builder.build();
    }

    /** Every query's profile. */
    public static IdealPartnerProfile[] profiles(ZipfProfiles data) {
        IdealPartnerProfile[] profiles = new IdealPartnerProfile[data.queryTags.length];
        for (int q = 0; q < profiles.length; q++) {
            profiles[q] = profile(data, q);
        }
        return profiles;
    }

    /** The first page of 10 through the public API, as "key=points" strings. */
    public static String[] ours(EcosystemClient client, IdealPartnerProfile profile) {
        List<PartnerMatch> matches = client.as(SEARCHER).navigator().search(profile, PageRequest.first(TopTen.K))
                .items();
        return matches.stream().map(match -> match.company().id().value() + "=" + points(match.score()))
                .toArray(String[]::new);
    }

    /** Lucene's top 10 of query {@code q}, its scores (sums of weights) as the same points out of 100. */
    public static String[] lucene(IndexSearcher searcher, ZipfProfiles data, int q) {
        long total = Arrays.stream(data.queryWeights[q]).sum();
        try {
            ScoreDoc[] hits = searcher.search(LuceneTags.query(data.queryTags[q], data.queryWeights[q]), TopTen.K)
                    .scoreDocs;
            String[] result = new String[hits.length];
            for (int i = 0; i < hits.length; i++) {
                result[i] = data.keys[hits[i].doc] + "=" + points((long) hits[i].score * 100.0 / total);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String points(double points) {
        return String.format(Locale.ROOT, "%.4f", points);
    }

    /**
     * Checks that the public API returns Lucene's top 10, in order and score, for every query.
     *
     * @throws IllegalStateException naming the first query where they differ
     */
    public static void checkAgreement(EcosystemClient client, IndexSearcher searcher, ZipfProfiles data,
            IdealPartnerProfile[] profiles) {
        for (int q = 0; q < profiles.length; q++) {
            String[] ours = ours(client, profiles[q]);
            String[] lucene = lucene(searcher, data, q);
            if (!Arrays.equals(ours, lucene)) {
                throw new IllegalStateException("top " + TopTen.K + " differ for query " + q + " "
                        + Arrays.toString(data.queryTags[q]) + " " + Arrays.toString(data.queryWeights[q])
                        + ": public API " + Arrays.toString(ours) + ", Lucene " + Arrays.toString(lucene));
            }
        }
    }
}
