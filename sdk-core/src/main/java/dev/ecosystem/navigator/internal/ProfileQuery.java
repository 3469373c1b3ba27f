package dev.ecosystem.navigator.internal;

import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Criterion;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.model.Tag;
import dev.ecosystem.navigator.CategoryRelations;
import dev.ecosystem.navigator.CriterionScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * An ideal partner profile compiled for one searcher against one {@link Snapshot}: every thing the profile asks
 * about becomes a term with fixed integer points, so a document's score is an exact sum that is the same whichever
 * way it is computed ({@link #score} for search, {@link #explain} for evaluation).
 *
 * <p>A criterion counts when its weight is above 0 and it has something to compare; its weight is shared among its
 * terms in proportion to their own weights. Scores are integers in units of {@code 1/(unit * totalWeight)} of 100
 * points, where {@code unit} is the least common multiple of the criteria's weight sums: every term's share is then an
 * exact integer, so equal fractions tie exactly and sums do not depend on their order.
 *
 * <p>Shared customers count only for a candidate whose count is known: an unknown count is not a zero, so a candidate
 * without one is scored out of the other criteria's weights alone. To keep every score an exact integer on one scale,
 * a candidate with a known count has its units multiplied by {@code totalWeight - overlapWeight} and one without by
 * {@code totalWeight}; both are then in units of {@code 1/(unit * totalWeight * (totalWeight - overlapWeight))}.
 *
 * <p>One query serves one search on one thread: {@link #score} builds a lookup table on first use.
 */
public final class ProfileQuery implements DocScorer {
    /** Above this the unit is not exact any more but rounded down per term, which keeps sums in a long. */
    private static final long MAX_UNIT = 1L << 40;

    private static final int REQUIRED = 1;
    private static final int EXCLUDED = 2;
    private static final int COMPLEMENT = 4;
    private static final int COMPETITOR = 8;
    private static final Criterion[] CRITERIA = Criterion.values();

    /** One thing the profile asks about. */
    private record Ask(Criterion criterion, String text, int term, int weight, int flags) {
    }

    private final Snapshot snapshot;
    private final List<Ask> asks;
    private final long[] askPoints;
    /** Whether each criterion counts, by ordinal. */
    private final boolean[] countedKinds;
    private final int requiredCount;
    private final long complementPoints;
    private final int overlapTarget;
    private final int overlapWeight;
    private final int totalWeight;
    // What a document's units are multiplied by, with a known shared customer count and without (see above).
    private final long knownScale;
    private final long unknownScale;
    private final long unit;
    private final int[] overlapDocs;
    private final int[] overlapCounts;
    // Dense by term id, for the per-document loop of score: 1 + slot, or 0 for terms the profile does not ask about.
    // Built on the first score only: a search by weighted terms never scores this way, and the table has a slot per
    // term of the vocabulary, which cost a compile more than the rest of it.
    private int @Nullable [] slotOf;
    private final int[] slotFlags;
    private final long[] slotPoints;
    private final int[] slotTerms;

    /** @param weights each criterion's weight in the profile, by ordinal */
    private ProfileQuery(Snapshot snapshot, List<Ask> asks, int[] weights, Map<CompanyId, Integer> sharedCustomers,
            int overlapTarget) {
        this.snapshot = snapshot;
        this.asks = asks;
        // Each criterion's sum of its asks' weights, by ordinal, where it has asks (hasSum).
        int kinds = CRITERIA.length;
        int[] weightSums = new int[kinds];
        boolean[] hasSum = new boolean[kinds];
        int sizeBands = Criterion.SIZE_BANDS.ordinal();
        for (Ask ask : asks) {
            if ((ask.flags & (REQUIRED | EXCLUDED)) == 0) {
                int kind = ask.criterion.ordinal();
                // A company has one size band, so each wanted band is worth the whole criterion.
                weightSums[kind] = !hasSum[kind] ? ask.weight
                        : kind == sizeBands ? Math.max(weightSums[kind], ask.weight) : weightSums[kind] + ask.weight;
                hasSum[kind] = true;
            }
        }
        int[] docs = new int[sharedCustomers.size()];
        int known = 0;
        for (Map.Entry<CompanyId, Integer> entry : sharedCustomers.entrySet()) {
            int doc = snapshot.doc(entry.getKey().value());
            if (doc >= 0) {
                docs[known++] = doc;
            }
        }
        docs = Arrays.copyOf(docs, known);
        Arrays.sort(docs);
        this.overlapDocs = docs;
        this.overlapCounts = new int[known];
        for (int i = 0; i < known; i++) {
            Integer shared = sharedCustomers.get(CompanyId.of(snapshot.key(docs[i]))); // docs are its keys
            overlapCounts[i] = Math.max(0, Objects.requireNonNull(shared));
        }
        int overlap = Criterion.OVERLAP.ordinal();
        if (known > 0) {
            weightSums[overlap] = 1;
            hasSum[overlap] = true;
        }
        this.countedKinds = new boolean[kinds];
        int total = 0;
        long lcm = 1;
        for (Criterion criterion : CRITERIA) {
            int kind = criterion.ordinal();
            if (weights[kind] > 0 && hasSum[kind]) {
                countedKinds[kind] = true;
                total += weights[kind];
                long shares = switch (criterion) {
                    case OVERLAP -> overlapTarget;
                    case COMPLEMENTARITY -> 1;
                    default -> weightSums[kind];
                };
                if (lcm < MAX_UNIT) {
                    lcm = Math.min(MAX_UNIT, lcm / gcd(lcm, shares) * shares);
                }
            }
        }
        this.totalWeight = total;
        this.unit = lcm;
        this.askPoints = new long[asks.size()];
        int required = 0;
        for (int i = 0; i < asks.size(); i++) {
            Ask ask = asks.get(i);
            if ((ask.flags & REQUIRED) != 0) {
                required++;
            }
            int kind = ask.criterion.ordinal();
            if (ask.flags == 0 && countedKinds[kind]) {
                askPoints[i] = share(weights[kind] * (long) ask.weight, weightSums[kind]);
            }
        }
        this.requiredCount = required;
        int complementarity = Criterion.COMPLEMENTARITY.ordinal();
        this.complementPoints = countedKinds[complementarity] ? share(weights[complementarity], 1) : 0;
        this.overlapTarget = overlapTarget;
        this.overlapWeight = countedKinds[overlap] ? weights[overlap] : 0;
        this.knownScale = overlapWeight == 0 ? 1 : Math.max(1, totalWeight - overlapWeight);
        this.unknownScale = overlapWeight == 0 ? 1 : totalWeight;

        int[] flags = new int[asks.size()];
        long[] points = new long[asks.size()];
        int[] slotTermIds = new int[asks.size()];
        int slots = 0;
        for (int i = 0; i < asks.size(); i++) {
            Ask ask = asks.get(i);
            if (ask.term < 0 || ask.term >= snapshot.vocabulary) {
                continue; // no document has it
            }
            int slot = indexOf(slotTermIds, slots, ask.term);
            if (slot < 0) {
                slot = slots++;
                slotTermIds[slot] = ask.term;
            }
            flags[slot] |= ask.flags;
            points[slot] += askPoints[i];
        }
        this.slotFlags = Arrays.copyOf(flags, slots);
        this.slotPoints = Arrays.copyOf(points, slots);
        this.slotTerms = Arrays.copyOf(slotTermIds, slots);
    }

    /** Where {@code value} is among the first {@code length} values, or -1 (a profile asks about few terms). */
    private static int indexOf(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** The dense slot table of {@link #score}, built on first use. */
    private int[] slotOf() {
        int[] table = slotOf;
        if (table == null) {
            table = new int[snapshot.vocabulary];
            for (int slot = 0; slot < slotTerms.length; slot++) {
                table[slotTerms[slot]] = slot + 1;
            }
            slotOf = table;
        }
        return table;
    }

    /** The units of {@code weight / shares} of a criterion weight. */
    private long share(long weight, long shares) {
        return weight * unit / shares;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * Compiles {@code profile} for {@code searcher}.
     *
     * @param dictionary the dictionary of the snapshot's terms
     * @param terms how companies became terms
     * @param relations the host's category relations
     * @param sharedCustomers the searcher's known shared customer counts
     */
    public static ProfileQuery compile(TermDictionary dictionary, CompanyTerms terms, CategoryRelations relations,
            Snapshot snapshot, Company searcher, IdealPartnerProfile profile,
            Map<CompanyId, Integer> sharedCustomers) {
        List<Ask> asks = new ArrayList<>();
        profile.required().forEach(tag -> asks.add(tagAsk(terms, dictionary, tag, 0, REQUIRED)));
        profile.excluded().forEach(tag -> asks.add(tagAsk(terms, dictionary, tag, 0, EXCLUDED)));
        profile.preferred().forEach((tag, weight) -> asks.add(tagAsk(terms, dictionary, tag, weight, 0)));
        searcher.industries().forEach(value -> asks.add(ask(dictionary, Criterion.INDUSTRIES,
                CompanyTerms.INDUSTRY + value, 1, 0)));
        searcher.regions().forEach(value -> asks.add(ask(dictionary, Criterion.REGIONS, CompanyTerms.REGION + value,
                1, 0)));
        Set<SizeBand> bands = EnumSet.noneOf(SizeBand.class);
        bands.addAll(profile.sizeBands());
        if (bands.isEmpty() && searcher.sizeBand() != null) {
            bands.add(searcher.sizeBand());
        }
        bands.forEach(band -> asks.add(ask(dictionary, Criterion.SIZE_BANDS, CompanyTerms.size(band), 1, 0)));
        for (String category : related(relations, searcher)) {
            asks.add(ask(dictionary, Criterion.COMPLEMENTARITY, CompanyTerms.CATEGORY + category, 1, COMPLEMENT));
        }
        String primary = searcher.primaryCategory();
        if (primary != null && asks.stream().anyMatch(ask -> (ask.flags & COMPLEMENT) != 0)) {
            asks.add(ask(dictionary, Criterion.COMPLEMENTARITY, CompanyTerms.PRIMARY + primary, 1, COMPETITOR));
        }
        profile.preferredSignals().forEach((signal, weight) -> asks.add(ask(dictionary, Criterion.SIGNALS,
                CompanyTerms.SIGNAL + signal, weight, 0)));
        int[] weights = new int[CRITERIA.length];
        for (Criterion criterion : CRITERIA) {
            weights[criterion.ordinal()] = profile.weight(criterion);
        }
        return new ProfileQuery(snapshot, asks, weights, profile.weight(Criterion.OVERLAP) > 0 ? sharedCustomers
                : Map.of(), profile.overlapTarget());
    }

    private static Set<String> related(CategoryRelations relations, Company searcher) {
        Set<String> related = new TreeSet<>();
        for (String category : searcher.productCategories()) {
            related.addAll(relations.upstreamOf(category));
            related.addAll(relations.downstreamOf(category));
        }
        return related;
    }

    private static Ask tagAsk(CompanyTerms terms, TermDictionary dictionary, Tag tag, int weight, int flags) {
        Criterion criterion = tag.namespace() == Tag.Namespace.BUSINESS ? Criterion.BUSINESS_TAGS
                : Criterion.ROLE_TAGS;
        return ask(dictionary, criterion, terms.tagTerm(tag), weight, flags);
    }

    private static Ask ask(TermDictionary dictionary, Criterion criterion, String text, int weight, int flags) {
        return new Ask(criterion, text, dictionary.lookup(text), weight, flags);
    }

    /** The snapshot this query was compiled against. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * Whether only preferred business and role tags count, nothing is required and there are at most 64 of them
     * (what {@link TopDocs#weightedTerms} takes): a pure sum of term weights.
     */
    public boolean isWeightedTermsOnly() {
        return totalWeight > 0 && requiredCount == 0 && slotTerms.length <= Long.SIZE
                && countsOnlyTags();
    }

    /** Whether no criterion counts but business and role tags. */
    private boolean countsOnlyTags() {
        for (Criterion criterion : CRITERIA) {
            if (countedKinds[criterion.ordinal()] && criterion != Criterion.BUSINESS_TAGS
                    && criterion != Criterion.ROLE_TAGS) {
                return false;
            }
        }
        return true;
    }

    /**
     * The lowest score a candidate needs: above 0, unless no criterion counts but shared customers (a candidate
     * whose count is unknown then scores 0 and is still one, as when no criterion counts at all).
     */
    public long minScore() {
        return totalWeight > overlapWeight ? 1 : 0;
    }

    /** Known terms with points, for {@link TopDocs#weightedTerms}. */
    public int[] weightedTerms() {
        int[] terms = new int[slotTerms.length];
        int n = 0;
        for (int slot = 0; slot < slotTerms.length; slot++) {
            if (slotPoints[slot] > 0) {
                terms[n++] = slotTerms[slot];
            }
        }
        return Arrays.copyOf(terms, n);
    }

    /** Points of {@link #weightedTerms()}, in the same order. */
    public long[] weightedTermPoints() {
        long[] points = new long[slotTerms.length];
        int n = 0;
        for (long slotPoint : slotPoints) {
            if (slotPoint > 0) {
                points[n++] = slotPoint;
            }
        }
        return Arrays.copyOf(points, n);
    }

    /** Known required terms: a candidate has all of them (an unknown one means no candidate in the main segment). */
    public int[] requiredTerms() {
        int[] terms = new int[requiredCount];
        int n = 0;
        for (Ask ask : asks) {
            if ((ask.flags & REQUIRED) != 0) {
                terms[n++] = ask.term;
            }
        }
        return terms;
    }

    /**
     * Upper bounds of what each term can add to a score, for pruning: every term with points (plus the
     * complementarity points on each complementary category, which count once however many a company has), and the
     * shared-customer documents with the most overlap points any of them gets. A document's score is at most the sum
     * of the bounds of its terms, plus the overlap bound when it is one of {@code overlapDocs}.
     *
     * @param terms the terms
     * @param points their bounds, each above 0
     * @param overlapDocs documents with a known shared customer count, ascending
     * @param overlapPoints the bound of the overlap points
     */
    record Bounds(int[] terms, long[] points, int[] overlapDocs, long overlapPoints) {
    }

    /** The bounds for {@link TopDocs#bounded}. */
    Bounds bounds() {
        int[] terms = new int[slotTerms.length];
        long[] points = new long[slotTerms.length];
        int n = 0;
        for (int slot = 0; slot < slotTerms.length; slot++) {
            long bound = (slotPoints[slot] + ((slotFlags[slot] & COMPLEMENT) != 0 ? complementPoints : 0))
                    * Math.max(knownScale, unknownScale);
            if (bound > 0) {
                terms[n] = slotTerms[slot];
                points[n++] = bound;
            }
        }
        long overlapPoints = 0;
        for (int count : overlapCounts) {
            overlapPoints = Math.max(overlapPoints,
                    overlapWeight == 0 ? 0 : pointsForSharedCustomers(count) * knownScale);
        }
        return new Bounds(Arrays.copyOf(terms, n), Arrays.copyOf(points, n), overlapPoints > 0 ? overlapDocs
                : new int[0], overlapPoints);
    }

    /** Whether a document in the snapshot can have an excluded term: whether {@link #hasExcluded} can be true. */
    public boolean hasExcludedTerms() {
        for (int flags : slotFlags) {
            if ((flags & EXCLUDED) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the document has an excluded term. */
    public boolean hasExcluded(int doc) {
        for (int slot = 0; slot < slotTerms.length; slot++) {
            if ((slotFlags[slot] & EXCLUDED) != 0 && snapshot.has(doc, slotTerms[slot])) {
                return true;
            }
        }
        return false;
    }

    /** The document's score in units, or -1 when it lacks a required term or has an excluded one. */
    @Override
    public long score(int doc) {
        Segment main = snapshot.main;
        int[] slotOf = slotOf();
        int[] terms;
        int from;
        int to;
        if (doc < main.size()) {
            terms = main.docTerms;
            from = main.docStart[doc];
            to = main.docStart[doc + 1];
        } else {
            terms = snapshot.deltaTerms[doc - main.size()];
            from = 0;
            to = terms.length;
        }
        long score = 0;
        int required = 0;
        boolean complement = false;
        boolean competitor = false;
        for (int i = from; i < to; i++) {
            int term = terms[i];
            if (term >= slotOf.length || slotOf[term] == 0) {
                continue;
            }
            int slot = slotOf[term] - 1;
            score += slotPoints[slot];
            int flags = slotFlags[slot];
            if (flags != 0) {
                if ((flags & EXCLUDED) != 0) {
                    return -1;
                }
                required += flags & REQUIRED;
                complement |= (flags & COMPLEMENT) != 0;
                competitor |= (flags & COMPETITOR) != 0;
            }
        }
        if (required < requiredCount) {
            return -1;
        }
        if (complement && !competitor) {
            score += complementPoints;
        }
        if (overlapWeight == 0) {
            return score;
        }
        int at = Arrays.binarySearch(overlapDocs, doc);
        return at < 0 ? score * unknownScale : (score + pointsForSharedCustomers(overlapCounts[at])) * knownScale;
    }

    private long pointsForSharedCustomers(int count) {
        return share(overlapWeight * (long) Math.min(count, overlapTarget), overlapTarget);
    }

    /**
     * The score in units and its explanation for one document, whether or not it is a candidate. Each criterion's
     * lists are filled in arrays of their exact size, in the profile's order: a page explains each of its matches, so
     * no map, boxed sum or list copy is made per criterion.
     */
    public Explained explain(int doc) {
        return explain(new int[] {doc}, 1)[0];
    }

    /**
     * {@link #explain(int)} of the first {@code n} documents: which asks each has is read for the whole page at once
     * ({@link AskedTerms}), and the per-criterion counters are kept for the page.
     */
    public Explained[] explain(int[] docs, int n) {
        int askCount = asks.size();
        int[] askTerms = new int[askCount];
        for (int i = 0; i < askCount; i++) {
            askTerms[i] = asks.get(i).term;
        }
        boolean[] has = new boolean[n * askCount];
        new AskedTerms(askTerms, snapshot.vocabulary).mark(snapshot, docs, n, has);
        ExplainCounters counters = new ExplainCounters(CRITERIA.length);
        Explained[] explained = new Explained[n];
        for (int d = 0; d < n; d++) {
            explained[d] = explain(docs[d], has, d * askCount, counters);
        }
        return explained;
    }

    /** The per-criterion counters of one explanation, reused from document to document. */
    private static final class ExplainCounters {
        final int[] matchedCount;
        final int[] missingCount;
        final long[] points;
        final int[] matchedAt;
        final int[] missingAt;

        ExplainCounters(int kinds) {
            matchedCount = new int[kinds];
            missingCount = new int[kinds];
            points = new long[kinds];
            matchedAt = new int[kinds];
            missingAt = new int[kinds];
        }

        void clear() {
            for (int kind = 0; kind < points.length; kind++) {
                matchedCount[kind] = 0;
                missingCount[kind] = 0;
                points[kind] = 0;
                matchedAt[kind] = 0;
                missingAt[kind] = 0;
            }
        }
    }

    /**
     * The explanation of {@code doc}, which has ask {@code i} when {@code has[at + i]}, counted in {@code counters}
     * (cleared first).
     */
    private Explained explain(int doc, boolean[] has, int at, ExplainCounters counters) {
        int kinds = CRITERIA.length;
        counters.clear();
        int[] matchedCount = counters.matchedCount;
        int[] missingCount = counters.missingCount;
        long[] points = counters.points;
        boolean[] shown = countedKinds.clone();
        boolean complement = false;
        boolean competitor = false;
        @Nullable String competes = null;
        boolean eligible = true;
        for (int i = 0; i < asks.size(); i++) {
            Ask ask = asks.get(i);
            int kind = ask.criterion.ordinal();
            boolean present = has[at + i];
            if ((ask.flags & REQUIRED) != 0) {
                shown[kind] = true;
                eligible &= present;
                (present ? matchedCount : missingCount)[kind]++;
            } else if ((ask.flags & EXCLUDED) != 0) {
                if (present) {
                    shown[kind] = true;
                    eligible = false;
                    missingCount[kind]++;
                }
            } else if ((ask.flags & COMPETITOR) != 0) {
                competitor = present;
                competes = "competes:" + ask.text.substring(CompanyTerms.PRIMARY.length());
            } else if (countedKinds[kind]) {
                complement |= present && (ask.flags & COMPLEMENT) != 0;
                (present ? matchedCount : missingCount)[kind]++;
                if (present) {
                    points[kind] += askPoints[i];
                }
            }
        }
        int complementarity = Criterion.COMPLEMENTARITY.ordinal();
        boolean competing = false;
        if (countedKinds[complementarity]) {
            if (competitor) {
                competing = true;
                missingCount[complementarity]++;
            } else if (complement) {
                points[complementarity] += complementPoints;
            }
        }
        int overlap = Criterion.OVERLAP.ordinal();
        long scale = 1;
        int shared = -1;
        if (countedKinds[overlap]) {
            shared = Arrays.binarySearch(overlapDocs, doc);
            scale = shared >= 0 ? knownScale : unknownScale;
            if (shared >= 0) {
                matchedCount[overlap]++;
                points[overlap] = pointsForSharedCustomers(overlapCounts[shared]);
            } else {
                missingCount[overlap]++;
            }
        }
        String[][] matched = new String[kinds][];
        String[][] missing = new String[kinds][];
        int[] matchedAt = counters.matchedAt;
        int[] missingAt = counters.missingAt;
        for (int i = 0; i < asks.size(); i++) {
            Ask ask = asks.get(i);
            int kind = ask.criterion.ordinal();
            boolean present = has[at + i];
            if ((ask.flags & REQUIRED) != 0) {
                add(present ? matched : missing, present ? matchedAt : missingAt, present ? matchedCount
                        : missingCount, kind, "required:" + ask.text);
            } else if ((ask.flags & EXCLUDED) != 0) {
                if (present) {
                    add(missing, missingAt, missingCount, kind, "excluded:" + ask.text);
                }
            } else if ((ask.flags & COMPETITOR) == 0 && countedKinds[kind]) {
                add(present ? matched : missing, present ? matchedAt : missingAt, present ? matchedCount
                        : missingCount, kind, ask.text);
            }
        }
        if (competing) {
            add(missing, missingAt, missingCount, complementarity, Objects.requireNonNull(competes));
        }
        if (shared >= 0) {
            add(matched, matchedAt, matchedCount, overlap, "shared-customers:" + overlapCounts[shared]);
        } else if (countedKinds[overlap]) {
            add(missing, missingAt, missingCount, overlap, "shared-customers:unknown");
        }
        int shownKinds = 0;
        for (boolean kindShown : shown) {
            shownKinds += kindShown ? 1 : 0;
        }
        CriterionScore[] criteria = new CriterionScore[shownKinds];
        int filled = 0;
        long total = 0;
        for (int kind = 0; kind < kinds; kind++) {
            if (shown[kind]) {
                long units = points[kind] * scale;
                total += units;
                criteria[filled++] = new CriterionScore(CRITERIA[kind], points(units), listOf(matched[kind]),
                        listOf(missing[kind]));
            }
        }
        // An immutable list, which PartnerMatch keeps as it is instead of copying.
        return new Explained(total, eligible, List.of(criteria));
    }

    /** Appends {@code value} to criterion {@code kind}'s list, made at its counted size on first use. */
    private static void add(String[][] lists, int[] sizes, int[] counts, int kind, String value) {
        String[] list = lists[kind];
        if (list == null) {
            list = new String[counts[kind]];
            lists[kind] = list;
        }
        list[sizes[kind]++] = value;
    }

    /** An unmodifiable list of the values, which {@link CriterionScore} keeps as it is. */
    private static List<String> listOf(String @Nullable [] values) {
        return values == null ? List.of() : List.of(values);
    }

    /** Score units as points from 0 to 100, rounded to six decimals (so equal units give equal points). */
    public double points(long units) {
        if (totalWeight == 0) {
            return 0;
        }
        return Math.min(100.0, Math.round(units * 100_000_000.0 / ((double) unit * totalWeight * knownScale))
                / 1_000_000.0);
    }

    /**
     * A document's score and explanation.
     *
     * @param units the score in units
     * @param eligible whether it has every required tag and no excluded one
     * @param criteria each shown criterion's contribution
     */
    public record Explained(long units, boolean eligible, List<CriterionScore> criteria) {
    }
}
