package dev.ecosystem.program.internal;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.TierAssessment;
import dev.ecosystem.model.TierChange;
import dev.ecosystem.model.TierMetric;
import dev.ecosystem.model.TierReview;
import dev.ecosystem.model.TierRule;
import dev.ecosystem.program.RevenueSource;
import dev.ecosystem.spi.StoreTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reviews a program's tiers for one period. The figures are gathered first (store reads in short transactions, the
 * revenue source outside any), then the review is written in one transaction that re-checks the period was not
 * reviewed meanwhile. Thread-safe.
 */
final class TierEvaluator {
    /** Who the SDK's own reviews are recorded as made by. */
    static final String EVALUATION = "evaluation";

    private final SdkContext context;
    private final @Nullable RevenueSource revenue;

    TierEvaluator(SdkContext context, @Nullable RevenueSource revenue) {
        this.context = context;
        this.revenue = revenue;
    }

    TierReview evaluate(CompanyId vendor, PartnerProgram program, LocalDate from, LocalDate toExclusive) {
        Checks.required(from, "from");
        Checks.required(toExclusive, "toExclusive");
        if (!toExclusive.isAfter(from)) {
            throw new ValidationException("toExclusive must be after from " + from + ", but was " + toExclusive);
        }
        LocalDate today = LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC);
        if (toExclusive.isAfter(today)) {
            throw new ValidationException("toExclusive must be on or before today " + today
                    + " (a period is reviewed once its last day is over), but was " + toExclusive);
        }
        List<TierRule> tiers = program.terms().tiers();
        if (tiers.isEmpty()) {
            throw new ValidationException("program " + program.id() + " has no tiers to review: add them with "
                    + "ProgramTerms.Builder.tier(...) and change the program");
        }
        Set<TierMetric> used = EnumSet.noneOf(TierMetric.class);
        tiers.forEach(rule -> used.addAll(rule.thresholds().keySet()));
        if (used.contains(TierMetric.SOURCED_REVENUE) && revenue == null) {
            throw new ValidationException("program " + program.id() + " has a SOURCED_REVENUE tier threshold, but "
                    + "the client has no revenue source: build it with EcosystemClient.builder().revenueSource("
                    + "attribution.sourcedRevenue(...)) from sdk-attribution, or remove the threshold");
        }
        TierReview done = context.store().inTransaction(tx -> reviewed(tx, vendor, program, from, toExclusive));
        if (done != null) {
            return done;
        }
        Set<CompanyId> partners = partners(vendor, program);
        Map<TierMetric, Map<CompanyId, BigDecimal>> figures = figures(vendor, used, partners, from, toExclusive);
        Map<CompanyId, Map<TierMetric, BigDecimal>> metrics = new TreeMap<>();
        Map<CompanyId, @Nullable String> earned = new HashMap<>();
        for (CompanyId partner : partners) {
            Map<TierMetric, BigDecimal> own = new EnumMap<>(TierMetric.class);
            for (TierMetric metric : used) {
                own.put(metric, Objects.requireNonNull(figures.get(metric)).getOrDefault(partner, BigDecimal.ZERO));
            }
            metrics.put(partner, own);
            earned.put(partner, highestMet(tiers, own));
        }
        Instant at = context.clock().instant();
        TierReview[] written = {null};
        TierReview review = context.store().inTransaction(tx -> {
            written[0] = null;
            TierReview raced = reviewed(tx, vendor, program, from, toExclusive);
            if (raced != null) {
                return raced;
            }
            Map<CompanyId, String> before = tx.tiers().tiers(vendor, program.id());
            List<TierAssessment> assessments = new ArrayList<>();
            List<TierChange> changes = new ArrayList<>();
            metrics.forEach((partner, own) -> {
                TierAssessment assessment = new TierAssessment(partner, own, before.get(partner),
                        earned.get(partner));
                assessments.add(assessment);
                if (assessment.changed()) {
                    changes.add(new TierChange(program.id(), partner, assessment.before(), assessment.after(),
                            rank(tiers, assessment.after()) > rank(tiers, assessment.before()), from, toExclusive,
                            own, at, EVALUATION));
                }
            });
            written[0] = new TierReview(vendor, program.id(), program.version(), from, toExclusive, at, EVALUATION,
                    assessments, changes);
            tx.tiers().save(written[0]);
            return written[0];
        });
        if (written[0] != null) {
            for (TierChange change : review.changes()) {
                publish(vendor, change);
            }
        }
        return review;
    }

    /**
     * The review of that period if there is one; otherwise checks that the period ends after every earlier review's
     * (reviewing an older period again would move partners back to old figures) and returns {@code null}.
     */
    private static @Nullable TierReview reviewed(StoreTransaction tx, CompanyId vendor, PartnerProgram program,
            LocalDate from, LocalDate toExclusive) {
        TierReview same = tx.tiers().review(vendor, program.id(), from, toExclusive);
        if (same != null) {
            return same;
        }
        TierReview latest = tx.tiers().latest(vendor, program.id());
        if (latest != null && !toExclusive.isAfter(latest.toExclusive())) {
            throw new ConflictException("program " + program.id() + " was already reviewed for the period "
                    + latest.from() + " to " + latest.toExclusive() + "; review a period that ends after "
                    + latest.toExclusive() + ", not " + from + " to " + toExclusive);
        }
        return null;
    }

    /** Partners of the program's type whose partnership is recruited, active or paused, in ascending id order. */
    private Set<CompanyId> partners(CompanyId vendor, PartnerProgram program) {
        Set<CompanyId> partners = new TreeSet<>();
        forEachPage(page -> context.store().inTransaction(tx -> tx.partnerships().list(vendor, page)),
                partnership -> {
                    if (partnership.type() == program.type() && counts(partnership.status())) {
                        partners.add(partnership.partner());
                    }
                });
        return partners;
    }

    private static boolean counts(PartnershipStatus status) {
        return status == PartnershipStatus.RECRUITED || status == PartnershipStatus.ACTIVE
                || status == PartnershipStatus.PAUSED;
    }

    private Map<TierMetric, Map<CompanyId, BigDecimal>> figures(CompanyId vendor, Set<TierMetric> used,
            Set<CompanyId> partners, LocalDate from, LocalDate toExclusive) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = toExclusive.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<TierMetric, Map<CompanyId, BigDecimal>> figures = new EnumMap<>(TierMetric.class);
        for (TierMetric metric : used) {
            figures.put(metric, switch (metric) {
                case REGISTRATIONS_ACCEPTED -> decimals(context.store().inTransaction(tx ->
                        tx.registrations().acceptedCounts(vendor, start, end)));
                case CERTIFIED_PEOPLE -> decimals(context.store().inTransaction(tx ->
                        tx.certifications().certifiedPeople(vendor, toExclusive.minusDays(1))));
                case INTRODUCTIONS_CONNECTED -> connected(vendor, partners, start, end);
                case SOURCED_REVENUE -> Map.copyOf(Objects.requireNonNull(revenue)
                        .sourcedRevenue(vendor, Collections.unmodifiableSet(partners), from, toExclusive));
            });
        }
        return figures;
    }

    /** Introductions between the vendor and each partner that connected in the period. */
    private Map<CompanyId, BigDecimal> connected(CompanyId vendor, Set<CompanyId> partners, Instant start,
            Instant end) {
        Map<CompanyId, Long> counts = new HashMap<>();
        forEachPage(page -> context.store().inTransaction(tx -> tx.introductions().list(vendor, page)),
                (Introduction intro) -> {
                    Instant connectedAt = intro.connectedAt();
                    CompanyId other = intro.requesterCompany().equals(vendor) ? intro.targetCompany()
                            : intro.requesterCompany();
                    if (connectedAt != null && !connectedAt.isBefore(start) && connectedAt.isBefore(end)
                            && partners.contains(other)) {
                        counts.merge(other, 1L, Long::sum);
                    }
                });
        return decimals(counts);
    }

    private static Map<CompanyId, BigDecimal> decimals(Map<CompanyId, Long> counts) {
        Map<CompanyId, BigDecimal> decimals = new HashMap<>();
        counts.forEach((partner, count) -> decimals.put(partner, BigDecimal.valueOf(count)));
        return decimals;
    }

    private static <T> void forEachPage(Function<PageRequest, Page<T>> lister, Consumer<T> action) {
        @Nullable String cursor = null;
        do {
            Page<T> page = lister.apply(PageRequest.after(cursor, PageRequest.MAX_SIZE));
            page.items().forEach(action);
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    /** The highest tier whose thresholds the figures all meet, or {@code null}. */
    static @Nullable String highestMet(List<TierRule> tiers, Map<TierMetric, BigDecimal> figures) {
        for (int i = tiers.size() - 1; i >= 0; i--) {
            TierRule rule = tiers.get(i);
            boolean met = rule.thresholds().entrySet().stream()
                    .allMatch(t -> figures.getOrDefault(t.getKey(), BigDecimal.ZERO).compareTo(t.getValue()) >= 0);
            if (met) {
                return rule.tier();
            }
        }
        return null;
    }

    /** The tier's place from the lowest (0); -1 for none or a tier the terms no longer name. */
    private static int rank(List<TierRule> tiers, @Nullable String tier) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).tier().equals(tier)) {
                return i;
            }
        }
        return -1;
    }

    private void publish(CompanyId vendor, TierChange change) {
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("partner", change.partner().value());
        attributes.put("from", change.from() == null ? "" : change.from());
        attributes.put("to", change.to() == null ? "" : change.to());
        attributes.put("period", change.periodFrom() + ".." + change.periodToExclusive());
        String type = change.promoted() ? "program.tier.promoted" : "program.tier.demoted";
        context.publish(type, vendor, change.program().value(), attributes);
        context.publish(type, change.partner(), change.program().value(), attributes);
    }
}
