package dev.ecosystem.overlap.internal;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Population;
import dev.ecosystem.overlap.CoSellEntry;
import dev.ecosystem.overlap.CurrencyRates;
import dev.ecosystem.overlap.OverlapRecord;
import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.overlap.PopulationMatrix;
import dev.ecosystem.overlap.SharedAccount;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.model.SharingPolicy.Visibility;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The matches of a pair of companies as the viewer may see them under the partner's sharing policy. Every result
 * about a partner is built here, and only from what the policy allows: hidden populations never appear, counts-only
 * cells are noised (unless the policy asks for exact counts), counts below the minimum are suppressed, records come
 * only from populations shared as records, with only their fields.
 */
final class SharedView {
    private final CompanyId partner;
    private final SharingPolicy policy;
    private final List<Population> populations;
    private final List<String> stageOrder;
    private final @Nullable CurrencyRates rates;
    private final MatchSet matches;
    private final int recordsMask;
    private final int customers;
    private final int openOpportunities;

    SharedView(CompanyId partner, SharingPolicy policy, OverlapSettings settings, List<MatchGroup> groups) {
        this(partner, policy, settings, MatchSet.of(groups));
    }

    SharedView(CompanyId partner, SharingPolicy policy, OverlapSettings settings, MatchSet matches) {
        this.partner = partner;
        this.policy = policy;
        this.populations = settings.populations();
        this.stageOrder = settings.stageOrder();
        this.rates = settings.currencyRates();
        this.matches = matches;
        int mask = 0;
        for (int i = 0; i < populations.size(); i++) {
            if (policy.rule(populations.get(i)).visibility() == Visibility.RECORDS) {
                mask |= 1 << i;
            }
        }
        this.recordsMask = mask;
        this.customers = 1 << populations.indexOf(Population.CUSTOMERS);
        this.openOpportunities = 1 << populations.indexOf(Population.OPEN_OPPORTUNITIES);
    }

    /**
     * The matrix. Cells of populations the partner shares as records, and all cells when its policy says
     * {@link SharingPolicy#exactCounts()}, count every matched company exactly. Cells of populations shared as counts
     * are {@code noise}'s noisy counts, or suppressed when {@code noise} is {@code null} (the viewer's releases are
     * used up); the minimum count applies after the noise.
     */
    PopulationMatrix matrix(@Nullable CountNoise noise) {
        int size = populations.size();
        long[][] counts = matches.counts(size);
        List<Population> columns = populations.stream()
                .filter(p -> policy.rule(p).visibility() != Visibility.HIDDEN).toList();
        List<Population> noised = policy.exactCounts() ? List.of()
                : columns.stream().filter(p -> policy.rule(p).visibility() == Visibility.COUNTS).toList();
        long[][] homed = noised.isEmpty() ? counts : homedCounts(size);
        int sensitivity = size * ((noised.stream().anyMatch(Population::isStandard) ? 1 : 0)
                + (int) noised.stream().filter(p -> !p.isStandard()).count());
        List<PopulationMatrix.Cell> cells = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            for (Population column : columns) {
                int j = populations.indexOf(column);
                Long count = counts[i][j];
                if (noised.contains(column)) {
                    count = noise == null ? null : noise.noisy(homed[i][j], populations.get(i), column, sensitivity);
                }
                cells.add(new PopulationMatrix.Cell(populations.get(i), column,
                        count == null || count < policy.minimumCount() ? null : count, policy.minimumCount()));
            }
        }
        return new PopulationMatrix(partner, populations, columns, cells);
    }

    /**
     * Counts in which each partner account counts in one matched company only, its home: its domain match, else its
     * name match with my smallest account id. The home depends on that account and my snapshot alone, so adding or
     * removing one partner account moves each cell by at most 1: the bound the noise's sensitivity rests on. (A
     * partner account without a domain can name-match several of mine; exact counts count it in each.)
     */
    long[][] homedCounts(int size) {
        return matches.homedCounts(size);
    }

    /** Overlapping records ordered by my account id, then the partner's. */
    List<Keyset.Keyed<OverlapRecord, RecordKey>> records(@Nullable Population mine, @Nullable Population theirs) {
        int myFilter = mine == null ? -1 : 1 << populations.indexOf(mine);
        int theirFilter = recordsMask;
        if (theirs != null) {
            requireRecords(theirs);
            theirFilter &= 1 << populations.indexOf(theirs);
        }
        List<Keyset.Keyed<OverlapRecord, RecordKey>> records = new ArrayList<>();
        for (MatchGroup group : matches.groups()) {
            for (AccountFacts m : group.mine()) {
                if ((m.populations() & myFilter) == 0) {
                    continue;
                }
                for (AccountFacts t : group.theirs()) {
                    if ((t.populations() & theirFilter) != 0) {
                        records.add(new Keyset.Keyed<>(new OverlapRecord(m.account(), populations(m.populations()),
                                shared(t), group.match()), new RecordKey(m.account().id().value(),
                                t.account().id().value())));
                    }
                }
            }
        }
        records.sort(Comparator.comparing(Keyset.Keyed::key));
        return records;
    }

    /** My open opportunities that are the partner's customers, shared as records. */
    List<Keyset.Keyed<CoSellEntry, CoSellKey>> askForIntro() {
        List<Keyset.Keyed<CoSellEntry, CoSellKey>> entries = new ArrayList<>();
        if ((recordsMask & customers) == 0) {
            return entries;
        }
        for (MatchGroup group : matches.groups()) {
            for (AccountFacts m : group.mine()) {
                Deal best = best(m.deals());
                if ((m.populations() & openOpportunities) == 0 || best == null) {
                    continue;
                }
                for (AccountFacts t : group.theirs()) {
                    if ((t.populations() & customers) != 0) {
                        entries.add(new Keyset.Keyed<>(new CoSellEntry(CoSellEntry.Kind.ASK_FOR_INTRO, partner,
                                m.account(), shared(t), best, null, group.match()), new CoSellKey(rank(best.amount(),
                                best.stage(), best.closeDate(), best.id().value()), m.account().id().value(),
                                t.account().id().value())));
                    }
                }
            }
        }
        entries.sort(Comparator.comparing(Keyset.Keyed::key));
        return entries;
    }

    /** The partner's open opportunities, shared as records, that are my customers. */
    List<Keyset.Keyed<CoSellEntry, CoSellKey>> offerHelp() {
        List<Keyset.Keyed<CoSellEntry, CoSellKey>> entries = new ArrayList<>();
        if ((recordsMask & openOpportunities) == 0) {
            return entries;
        }
        for (MatchGroup group : matches.groups()) {
            for (AccountFacts t : group.theirs()) {
                if ((t.populations() & openOpportunities) == 0) {
                    continue;
                }
                SharedAccount theirs = shared(t);
                SharedAccount.OpenDeal best = theirs.openDeals().stream()
                        .min(Comparator.comparing(d -> rank(d.amount(), d.stage(), null, d.id().value())))
                        .orElse(null);
                Rank rank = best == null ? rank(null, "", null, "")
                        : rank(best.amount(), best.stage(), null, best.id().value());
                for (AccountFacts m : group.mine()) {
                    if ((m.populations() & customers) != 0) {
                        entries.add(new Keyset.Keyed<>(new CoSellEntry(CoSellEntry.Kind.OFFER_HELP, partner,
                                m.account(), theirs, null, best, group.match()),
                                new CoSellKey(rank, m.account().id().value(), t.account().id().value())));
                    }
                }
            }
        }
        entries.sort(Comparator.comparing(Keyset.Keyed::key));
        return entries;
    }

    void requireRecords(Population theirs) {
        if (policy.rule(theirs).visibility() != Visibility.RECORDS) {
            throw new AccessDeniedException("company " + partner + " does not share the records of population "
                    + theirs + " with you");
        }
    }

    private @Nullable Deal best(List<Deal> deals) {
        return deals.stream().filter(d -> d.status() == DealStatus.OPEN)
                .min(Comparator.comparing(d -> rank(d.amount(), d.stage(), d.closeDate(), d.id().value())))
                .orElse(null);
    }

    /** The partner's account as its policy allows the viewer to see it. */
    private SharedAccount shared(AccountFacts facts) {
        int visible = facts.populations() & recordsMask;
        Set<String> allowed = new LinkedHashSet<>();
        for (int i = 0; i < populations.size(); i++) {
            if ((visible & (1 << i)) != 0) {
                allowed.addAll(policy.rule(populations.get(i)).fields());
            }
        }
        Account account = facts.account();
        Map<String, String> fields = new HashMap<>();
        List<SharedAccount.OpenDeal> openDeals = new ArrayList<>();
        for (String field : allowed) {
            String value = switch (field) {
                case "name" -> account.name();
                case "domain" -> account.domain();
                case "lifecycleStage" -> account.lifecycleStage();
                case "updatedAt" -> account.updatedAt() == null ? null : account.updatedAt().toString();
                case SharingPolicy.OPEN_DEALS -> null;
                default -> account.properties().get(field);
            };
            if (value != null) {
                fields.put(field, value);
            }
        }
        if (allowed.contains(SharingPolicy.OPEN_DEALS)) {
            facts.deals().stream().filter(d -> d.status() == DealStatus.OPEN)
                    .forEach(d -> openDeals.add(new SharedAccount.OpenDeal(d.id(), d.amount(), d.stage())));
        }
        return new SharedAccount(partner, account.id(), populations(visible), fields, openDeals);
    }

    private Set<Population> populations(int mask) {
        Set<Population> set = new LinkedHashSet<>();
        for (int i = 0; i < populations.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                set.add(populations.get(i));
            }
        }
        return set;
    }

    /** A deal's place in a co-sell list, by the rules in {@link OverlapSettings}'s class comment. */
    private Rank rank(@Nullable Money amount, String stage, @Nullable LocalDate closeDate, String id) {
        BigDecimal converted = null;
        if (amount != null && rates != null) {
            BigDecimal rate = rates.rate(amount.currency());
            if (rate != null) {
                if (rate.signum() <= 0) {
                    throw new ValidationException("currency rate for " + amount.currency().getCurrencyCode()
                            + " must be greater than 0, but was " + rate.toPlainString());
                }
                converted = amount.amount().multiply(rate);
            }
        }
        return new Rank(converted, amount == null ? null : amount.currency().getCurrencyCode(),
                amount == null ? null : amount.amount(), stageOrder.indexOf(stage.toLowerCase(Locale.ROOT)), closeDate,
                id);
    }

    /**
     * Best first: converted amount (larger first; unconverted after), then currency code, then amount (larger first;
     * none last), then later stage, then sooner close date, then deal id.
     */
    record Rank(@Nullable BigDecimal converted, @Nullable String currency, @Nullable BigDecimal amount, int stage,
            @Nullable LocalDate closeDate, String id) implements Comparable<Rank> {
        private static final Comparator<Rank> ORDER = Comparator
                .comparing(Rank::converted, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                .thenComparing(Rank::currency, Comparator.nullsLast(Comparator.<String>naturalOrder()))
                .thenComparing(Rank::amount, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                .thenComparing(Rank::stage, Comparator.reverseOrder())
                .thenComparing(Rank::closeDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                .thenComparing(Rank::id);

        @Override
        public int compareTo(Rank other) {
            return ORDER.compare(this, other);
        }
    }

    /** The order of overlapping records: my account id, then the partner's. */
    record RecordKey(String mine, String theirs) implements Keyset.Key<RecordKey> {
        private static final Comparator<RecordKey> ORDER = Comparator.comparing(RecordKey::mine)
                .thenComparing(RecordKey::theirs);

        static RecordKey of(List<@Nullable String> parts) {
            if (parts.size() != 2) {
                throw new IllegalArgumentException("two parts expected");
            }
            return new RecordKey(Objects.requireNonNull(parts.get(0)), Objects.requireNonNull(parts.get(1)));
        }

        @Override
        public List<@Nullable String> parts() {
            return List.of(mine, theirs);
        }

        @Override
        public int compareTo(RecordKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** The order of a co-sell list: the deal's {@link Rank}, then my account id, then the partner's. */
    record CoSellKey(Rank rank, String mine, String theirs) implements Keyset.Key<CoSellKey> {
        private static final Comparator<CoSellKey> ORDER = Comparator.comparing(CoSellKey::rank)
                .thenComparing(CoSellKey::mine).thenComparing(CoSellKey::theirs);

        static CoSellKey of(List<@Nullable String> parts) {
            if (parts.size() != 8) {
                throw new IllegalArgumentException("eight parts expected");
            }
            String converted = parts.get(0);
            String amount = parts.get(2);
            String closeDate = parts.get(4);
            Rank rank = new Rank(converted == null ? null : new BigDecimal(converted), parts.get(1),
                    amount == null ? null : new BigDecimal(amount), Integer.parseInt(Objects.requireNonNull(parts.get(3))),
                    closeDate == null ? null : LocalDate.parse(closeDate), Objects.requireNonNull(parts.get(5)));
            return new CoSellKey(rank, Objects.requireNonNull(parts.get(6)), Objects.requireNonNull(parts.get(7)));
        }

        @Override
        public List<@Nullable String> parts() {
            return Arrays.asList(rank.converted() == null ? null : rank.converted().toPlainString(), rank.currency(),
                    rank.amount() == null ? null : rank.amount().toPlainString(), Integer.toString(rank.stage()),
                    rank.closeDate() == null ? null : rank.closeDate().toString(), rank.id(), mine, theirs);
        }

        @Override
        public int compareTo(CoSellKey other) {
            return ORDER.compare(this, other);
        }
    }
}
