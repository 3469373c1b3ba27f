package dev.ecosystem.benchmarks.overlap;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.MatchExplanation;
import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.overlap.Overlaps;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * Precision, recall and F1 of account matching on the labeled set ({@link LabeledPair#load}, rules in
 * {@code labeled-pairs.md}), overall and per category, through the public API ({@code Overlaps.explain}, the rules
 * the matrix uses) at the default name threshold and two stricter ones, beside a baseline in the same run: equal
 * registrable domains (Guava's public suffix list, no generic hosts) or equal names once lower-cased, accents removed
 * and everything but letters and digits dropped. Then, per deciding rule at the default threshold, how many matches it
 * made and the share of them that is right: the calibration of the rules' confidences.
 *
 * <pre>./mvnw -o -q -B -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.ecosystem.benchmarks.overlap.MatchingQuality</pre>
 */
public final class MatchingQuality {
    private static final CompanyId A = CompanyId.of("a");
    private static final CompanyId B = CompanyId.of("b");

    private MatchingQuality() {
    }

    /** Prints the tables as Markdown. */
    public static void main(String[] args) {
        List<LabeledPair> pairs = LabeledPair.load();
        double defaultThreshold = OverlapSettings.defaults().nameThreshold();
        double[] thresholds = {defaultThreshold, 0.98, 0.99};
        Map<String, BiPredicate<Account, Account>> matchers = new LinkedHashMap<>();
        Overlaps fallback = null;
        for (double threshold : thresholds) {
            Overlaps overlaps = overlaps(OverlapSettings.builder().nameThreshold(threshold).build());
            fallback = fallback == null ? overlaps : fallback;
            matchers.put(String.format(Locale.ROOT, "SDK, threshold %.2f%s", threshold,
                    threshold == defaultThreshold ? " (default)" : ""), (a, b) -> overlaps.explain(a, b).matched());
        }
        matchers.put("baseline: equal domain or exact name", MatchingQuality::baseline);
        long positives = pairs.stream().filter(LabeledPair::same).count();
        System.out.printf(Locale.ROOT, "Labeled set: %d pairs (%d same company, %d different)%n%n", pairs.size(),
                positives, pairs.size() - positives);
        System.out.println("| matcher | category | pairs | precision | recall | F1 |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (Map.Entry<String, BiPredicate<Account, Account>> matcher : matchers.entrySet()) {
            Map<String, int[]> counts = new TreeMap<>();
            int[] total = new int[4];
            for (int i = 0; i < pairs.size(); i++) {
                LabeledPair pair = pairs.get(i);
                boolean said = matcher.getValue().test(account(A, i, pair.nameA(), pair.domainA()),
                        account(B, i, pair.nameB(), pair.domainB()));
                int cell = (said ? 0 : 2) + (pair.same() ? 0 : 1); // tp, fp, fn, tn
                counts.computeIfAbsent(pair.category(), c -> new int[4])[cell]++;
                total[cell]++;
            }
            System.out.println(row(matcher.getKey(), "**all**", total));
            counts.forEach((category, cells) -> System.out.println(row(matcher.getKey(), category, cells)));
        }
        calibration(pairs, Objects.requireNonNull(fallback)); // thresholds is not empty
    }

    private static void calibration(List<LabeledPair> pairs, Overlaps overlaps) {
        Map<MatchExplanation.Rule, int[]> byRule = new TreeMap<>();
        Map<MatchExplanation.Rule, Double> confidence = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            LabeledPair pair = pairs.get(i);
            MatchExplanation why = overlaps.explain(account(A, i, pair.nameA(), pair.domainA()),
                    account(B, i, pair.nameB(), pair.domainB()));
            int[] cells = byRule.computeIfAbsent(why.rule(), r -> new int[3]);
            cells[why.matched() ? 0 : 1]++;
            if (why.match() != null) {
                confidence.merge(why.rule(), why.match().confidence(), Math::max);
            }
            if (why.matched() == pair.same()) {
                cells[2]++;
            } else {
                errors.add(String.format(Locale.ROOT, "%s %s: '%s' [%s] vs '%s' [%s] -> %s (%s)",
                        why.matched() ? "false match" : "missed", pair.category(), pair.nameA(), pair.domainA(),
                        pair.nameB(), pair.domainB(), why.rule(), why.reason()));
            }
        }
        System.out.println();
        System.out.println("| deciding rule (default threshold) | matches | non-matches | share right | confidence |");
        System.out.println("|---|---:|---:|---:|---:|");
        byRule.forEach((rule, cells) -> System.out.printf(Locale.ROOT, "| %s | %d | %d | %.3f | %s |%n", rule,
                cells[0], cells[1], (double) cells[2] / (cells[0] + cells[1]),
                confidence.containsKey(rule) ? String.format(Locale.ROOT, "%.2f", confidence.get(rule)) : "-"));
        System.out.println();
        System.out.println("Errors at the default threshold (" + errors.size() + "):");
        errors.forEach(error -> System.out.println("- " + error));
    }

    private static String row(String matcher, String category, int[] cells) {
        int tp = cells[0];
        int fp = cells[1];
        int fn = cells[2];
        double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
        double f1 = 2 * precision * recall / (precision + recall);
        return String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s |", matcher, category,
                cells[0] + cells[1] + cells[2] + cells[3], figure(precision), figure(recall), figure(f1));
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static Overlaps overlaps(OverlapSettings settings) {
        EcosystemClient client = EcosystemClient.builder().overlapSettings(settings).build();
        for (CompanyId id : List.of(A, B)) {
            client.register(Company.builder(id, "Company " + id).businessTags("saas").listed(true).build());
        }
        return client.as(A).overlaps();
    }

    private static Account account(CompanyId tenant, int row, String name, String domain) {
        Account.Builder account = Account.builder(tenant, AccountId.of(tenant.value() + row), name);
        return domain.isBlank() ? account.build() : account.domain(domain).build();
    }

    /** Equal registrable domains, or equal names as lower-case letters and digits without accents. */
    private static boolean baseline(Account a, Account b) {
        String domainA = a.domain() == null ? null : GuavaOverlapBaseline.registrable(a.domain());
        String domainB = b.domain() == null ? null : GuavaOverlapBaseline.registrable(b.domain());
        if (domainA != null && domainA.equals(domainB)) {
            return true;
        }
        String nameA = plain(a.name());
        return !nameA.isEmpty() && nameA.equals(plain(b.name()));
    }

    private static String plain(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
