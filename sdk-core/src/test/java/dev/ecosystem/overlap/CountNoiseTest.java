package dev.ecosystem.overlap;

import static dev.ecosystem.overlap.OverlapFixture.ACME;
import static dev.ecosystem.overlap.OverlapFixture.GLOBEX;
import static dev.ecosystem.overlap.OverlapFixture.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.spi.CrmConnections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The differencing attack of issue 17 and two variants, against exact counts (the old behaviour) and noised counts,
 * plus the properties the guarantee rests on. The per-partnership secret is fixed, so every number here is
 * deterministic.
 *
 * <p>An attacker guessing membership of probes of which half are members is right with probability at most
 * {@code e^E / (1 + e^E)} per probe, whatever its rule, when the answers it saw are {@code E}-differentially private
 * for the probe. Over 200 probes the measured accuracy has a standard error of at most 0.035, so the tests allow
 * 0.1 (about three standard errors) above the bound.
 */
class CountNoiseTest {
    private static final Duration WEEK = Duration.ofDays(7);
    /** The start of a 7-day window: windows are aligned to the epoch. */
    private static final Instant START = Instant.ofEpochMilli(
            Math.floorDiv(Instant.parse("2026-11-23T10:00:00Z").toEpochMilli(), WEEK.toMillis()) * WEEK.toMillis());
    private static final String SECRET = "issue-17 test secret";
    private static final int PROBES = 200;
    private static final double SLACK = 0.1;
    private static final OverlapSettings UNLIMITED = OverlapSettings.builder().countNoise(1.0, 10_000, WEEK).build();
    private static final SharingPolicy CUSTOMER_COUNTS = SharingPolicy.builder().counts(Population.CUSTOMERS)
            .minimumCount(5).build();
    private static final SharingPolicy EXACT_CUSTOMER_COUNTS = SharingPolicy.builder().counts(Population.CUSTOMERS)
            .minimumCount(5).exactCounts().build();

    @Test
    @DisplayName("The issue's attack: five known overlaps plus one probe per sync read every probe exactly from exact"
            + " counts, and no better than e/(1+e) from noised ones")
    void knownOverlapsPlusOneProbe_isDefeatedByNoise() {
        List<@Nullable Long> exact = probeEachSync(new Network(UNLIMITED, EXACT_CUSTOMER_COUNTS));
        List<@Nullable Long> noised = probeEachSync(new Network(UNLIMITED, CUSTOMER_COUNTS));

        assertThat(accuracy(exact, count -> count)).isEqualTo(1.0);
        assertThat(exact).containsOnly(5L, 6L);
        assertThat(accuracy(noised, count -> count)).isLessThanOrEqualTo(bound(1.0) + SLACK);
    }

    @Test
    @DisplayName("The issue's attack on the default budget: four probes a week get counts, every later one is"
            + " suppressed")
    void knownOverlapsPlusOneProbe_isStoppedByTheBudget() {
        List<@Nullable Long> answers = probeEachSync(new Network(OverlapSettings.defaults(),
                SharingPolicy.builder().counts(Population.CUSTOMERS).build()));

        assertThat(answers.subList(0, 4)).doesNotContainNull();
        assertThat(answers.subList(4, PROBES)).containsOnlyNulls();
    }

    @Test
    @DisplayName("Variant: one matrix, differencing two rows (the probe beside five known overlaps among customers,"
            + " the five alone among prospects) reads every probe from exact counts, no better than e/(1+e) from"
            + " noised ones")
    void twoRowsOfOneMatrix_areDefeatedByNoise() {
        List<@Nullable Long> exact = probeByTwoRows(new Network(UNLIMITED, EXACT_CUSTOMER_COUNTS));
        List<@Nullable Long> noised = probeByTwoRows(new Network(UNLIMITED, CUSTOMER_COUNTS));

        assertThat(accuracy(exact, difference -> difference)).isEqualTo(1.0);
        assertThat(accuracy(noised, difference -> difference)).isLessThanOrEqualTo(bound(1.0) + SLACK);
    }

    @Test
    @DisplayName("Variant: one probe re-synced again and again to average fresh noise gets four fresh answers per"
            + " week, so it learns no better than e^(4 epsilon)/(1+e^(4 epsilon))")
    void reSyncingOneProbe_toAverage_isCappedByTheBudget() {
        OverlapSettings settings = OverlapSettings.builder().countNoise(0.25, 4, WEEK).build();
        Network network = new Network(settings, SharingPolicy.builder().counts(Population.CUSTOMERS).build());
        List<@Nullable Long> averages = new ArrayList<>();
        for (int probe = 0; probe < PROBES; probe++) {
            network.at(START.plus(WEEK.multipliedBy(probe)));
            network.attackerHas(knownOverlaps("k", "lead"), probe(probe, "lead"));
            List<Long> fresh = new ArrayList<>();
            for (int sync = 0; sync < 8; sync++) {
                network.attacker.put(account(ACME, "filler", "Filler " + sync, "filler.example", "lead"));
                Long count = network.matrix().cell(Population.PROSPECTS, Population.CUSTOMERS).count();
                if (sync >= 4) {
                    assertThat(count).as("answer %d to probe %d", sync, probe).isNull();
                } else {
                    fresh.add(count);
                }
            }
            averages.add(Math.round(fresh.stream().mapToLong(Long::longValue).average().orElseThrow() * 10));
        }

        assertThat(accuracy(averages, average -> average)).isLessThanOrEqualTo(bound(4 * 0.25) + SLACK);
    }

    @Test
    @DisplayName("Asking again gives the same matrix, on this node and on another node sharing the store")
    void askingAgain_givesTheSameMatrix() {
        Network network = new Network(UNLIMITED, CUSTOMER_COUNTS);
        network.attackerHas(knownOverlaps("k", "lead"), probe(0, "lead"));
        PopulationMatrix first = network.matrix();

        PopulationMatrix again = network.attackerScope().matrix(GLOBEX);
        network.at(START.plusSeconds(60));
        PopulationMatrix otherNode = network.attackerScope().matrix(GLOBEX);

        assertThat(again).isEqualTo(first);
        assertThat(otherNode).isEqualTo(first);
    }

    @Test
    @DisplayName("The budget counts distinct revision pairs per period: repeats are free, the fifth new pair is"
            + " suppressed until the last millisecond of the week, and the next week releases again")
    void budget_countsDistinctRevisionPairsPerPeriod() {
        Network network = new Network(OverlapSettings.defaults(), SharingPolicy.builder()
                .counts(Population.CUSTOMERS).build());
        for (int probe = 0; probe < 4; probe++) {
            network.attackerHas(knownOverlaps("k", "lead"), probe(probe, "lead"));
            assertThat(network.matrix().cell(Population.PROSPECTS, Population.CUSTOMERS).count()).isNotNull();
            assertThat(network.attackerScope().matrix(GLOBEX).cell(Population.PROSPECTS, Population.CUSTOMERS)
                    .count()).isNotNull();
        }

        network.attackerHas(knownOverlaps("k", "lead"), probe(4, "lead"));
        assertThat(network.matrix().cell(Population.PROSPECTS, Population.CUSTOMERS).count()).isNull();
        network.at(START.plus(WEEK).minusMillis(1));
        assertThat(network.attackerScope().matrix(GLOBEX).cell(Population.PROSPECTS, Population.CUSTOMERS).count())
                .isNull();
        network.at(START.plus(WEEK));
        assertThat(network.attackerScope().matrix(GLOBEX).cell(Population.PROSPECTS, Population.CUSTOMERS).count())
                .isNotNull();
    }

    @Test
    @DisplayName("The minimum count applies to the noisy count: a true 0 is sometimes shown, a true 5 sometimes"
            + " suppressed, and nothing shown is below the minimum")
    void minimumCount_appliesAfterTheNoise() {
        Network network = new Network(UNLIMITED, SharingPolicy.builder().counts(Population.CUSTOMERS)
                .minimumCount(3).build());
        List<@Nullable Long> zeros = new ArrayList<>();
        List<@Nullable Long> fives = new ArrayList<>();
        for (int sync = 0; sync < 40; sync++) {
            network.attackerHas(knownOverlaps("k", "lead"), account(ACME, "filler", "Filler " + sync,
                    "filler.example", "customer"));
            PopulationMatrix matrix = network.matrix();
            zeros.add(matrix.cell(Population.CUSTOMERS, Population.CUSTOMERS).count());
            fives.add(matrix.cell(Population.PROSPECTS, Population.CUSTOMERS).count());
        }

        assertThat(zeros).containsNull().anySatisfy(count -> assertThat(count).isNotNull());
        assertThat(fives).containsNull().anySatisfy(count -> assertThat(count).isNotNull());
        assertThat(zeros).filteredOn(count -> count != null).allSatisfy(count -> assertThat(count).isGreaterThan(2));
        assertThat(fives).filteredOn(count -> count != null).allSatisfy(count -> assertThat(count).isGreaterThan(2));
    }

    @Test
    @DisplayName("Cells of populations shared as records stay exact, also when the budget is used up")
    void recordsCells_stayExact() {
        Network network = new Network(OverlapSettings.defaults(), SharingPolicy.builder()
                .records(Population.CUSTOMERS, "name").counts(Population.PROSPECTS).build());
        for (int probe = 0; probe < 6; probe++) {
            network.attackerHas(knownOverlaps("k", "lead"), probe(probe, "lead"));
            PopulationMatrix matrix = network.matrix();
            boolean withinBudget = probe < 4;
            assertThat(matrix.cell(Population.PROSPECTS, Population.CUSTOMERS).count())
                    .isEqualTo(probe % 2 == 0 ? 6L : 5L);
            assertThat(matrix.cell(Population.PROSPECTS, Population.PROSPECTS).count())
                    .as("counts-only cell at release %d", probe).matches(count -> (count != null) == withinBudget);
        }
    }

    @Test
    @DisplayName("Counts are noised unless a policy opts out, and countNoise says which value is wrong and what is"
            + " allowed")
    void noiseIsTheDefault_andItsSettingsAreValidated() {
        assertThat(SharingPolicy.builder().counts(Population.CUSTOMERS).build().exactCounts()).isFalse();
        assertThat(new SharingPolicy(Map.of(), 0).exactCounts()).isFalse();
        assertThat(OverlapSettings.defaults()).extracting(OverlapSettings::countEpsilon,
                OverlapSettings::countReleases, OverlapSettings::countPeriod).containsExactly(1.0, 4, WEEK);
        OverlapSettings.Builder builder = OverlapSettings.builder();

        assertThatThrownBy(() -> builder.countNoise(0, 4, WEEK)).isInstanceOf(ValidationException.class)
                .hasMessage("countNoise epsilon must be between 0.01 and 10, but was 0.0");
        assertThatThrownBy(() -> builder.countNoise(1, 0, WEEK)).isInstanceOf(ValidationException.class)
                .hasMessage("countNoise releases must be between 1 and 10000, but was 0");
        assertThatThrownBy(() -> builder.countNoise(1, 4, Duration.ofSeconds(30)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("countNoise period must be at least PT1M, but was PT30S");
    }

    /** The attack: my prospects are the five known overlaps and probe i, one sync per probe. */
    private static List<@Nullable Long> probeEachSync(Network network) {
        List<@Nullable Long> answers = new ArrayList<>();
        for (int probe = 0; probe < PROBES; probe++) {
            network.attackerHas(knownOverlaps("k", "lead"), probe(probe, "lead"));
            answers.add(network.matrix().cell(Population.PROSPECTS, Population.CUSTOMERS).count());
        }
        return answers;
    }

    /** Customers: five known overlaps and probe i; prospects: the same five domains. The answer is the difference. */
    private static List<@Nullable Long> probeByTwoRows(Network network) {
        List<@Nullable Long> differences = new ArrayList<>();
        for (int probe = 0; probe < PROBES; probe++) {
            List<Account> accounts = new ArrayList<>(knownOverlaps("kc", "customer"));
            accounts.addAll(knownOverlaps("kp", "lead"));
            network.attackerHas(accounts, probe(probe, "customer"));
            PopulationMatrix matrix = network.matrix();
            differences.add(orMinusOne(matrix.cell(Population.CUSTOMERS, Population.CUSTOMERS).count())
                    - orMinusOne(matrix.cell(Population.PROSPECTS, Population.CUSTOMERS).count()));
        }
        return differences;
    }

    private static long orMinusOne(@Nullable Long count) {
        return count == null ? -1 : count;
    }

    /**
     * The accuracy of the attacker's best rule "member when the answer is at least t" over every t, chosen in
     * hindsight (a suppressed answer counts as -1): probe i is a member when i is even.
     */
    private static double accuracy(List<@Nullable Long> answers, ToLongFunction<Long> score) {
        double best = 0;
        for (long threshold = -30; threshold <= 120; threshold++) {
            long t = threshold;
            long correct = IntStream.range(0, answers.size()).filter(i -> {
                Long answer = answers.get(i);
                boolean guess = (answer == null ? -1 : score.applyAsLong(answer)) >= t;
                return guess == (i % 2 == 0);
            }).count();
            best = Math.max(best, (double) correct / answers.size());
        }
        return best;
    }

    /** The highest accuracy any rule has on a fair coin when the answers are epsilon-differentially private. */
    private static double bound(double epsilon) {
        return Math.exp(epsilon) / (1 + Math.exp(epsilon));
    }

    private static List<Account> knownOverlaps(String prefix, String stage) {
        return IntStream.rangeClosed(1, 5).mapToObj(k -> account(ACME, prefix + k, "Known " + k, "known" + k + ".com",
                stage)).toList();
    }

    private static Account probe(int probe, String stage) {
        return account(ACME, "probe", "Probe " + probe, "probe" + probe + ".com", stage);
    }

    /**
     * Globex shares its customers with acme: the five known overlaps and every even-numbered probe; acme, the
     * attacker, rewrites its own CRM between syncs. Each {@link #at} is another node on the same store.
     */
    private static final class Network {
        final InMemoryCrm attacker = InMemoryCrm.of(ACME, List.of(), List.of());
        final InMemoryCrm owner;
        final OverlapSettings settings;
        EcosystemClient client;

        Network(OverlapSettings settings, SharingPolicy policy) {
            List<Account> customers = new ArrayList<>();
            IntStream.rangeClosed(1, 5).forEach(k -> customers.add(account(GLOBEX, "g" + k, "Known " + k,
                    "known" + k + ".com", "customer")));
            IntStream.range(0, PROBES).filter(i -> i % 2 == 0).forEach(i -> customers.add(account(GLOBEX,
                    "p" + i, "Probe " + i, "probe" + i + ".com", "customer")));
            customers.add(account(GLOBEX, "x", "Other", "other.com", "lead"));
            this.owner = InMemoryCrm.of(GLOBEX, customers, List.of());
            this.settings = settings;
            this.client = EcosystemClient.builder().crm(CrmConnections.of(attacker, owner)).overlapSettings(settings)
                    .clock(Clock.fixed(START, ZoneOffset.UTC)).build();
            for (CompanyId id : List.of(ACME, GLOBEX)) {
                client.register(Company.builder(id, "Company " + id).businessTags("saas").listed(true).build());
            }
            client.as(ACME).partnerships().create(GLOBEX, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
            client.as(GLOBEX).partnerships().create(ACME, PartnerType.REFERRAL, PartnershipStatus.ACTIVE);
            client.store().useTransaction(tx -> tx.idempotency().putIfAbsent(GLOBEX, "overlap-noise/secret/acme",
                    SECRET));
            client.as(GLOBEX).overlaps().syncCrm();
            client.as(GLOBEX).overlaps().shareWith(ACME, policy);
        }

        /** Another node on the same store whose clock reads {@code now}. */
        void at(Instant now) {
            client = EcosystemClient.builder().store(client.store()).crm(CrmConnections.of(attacker, owner))
                    .overlapSettings(settings).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        }

        /** Replaces the attacker's CRM with these accounts (the last one keeps its id across probes). */
        void attackerHas(List<Account> accounts, Account last) {
            for (Account account : attacker.accounts(PageRequest.first(100)).items()) {
                attacker.removeAccount(account.id());
            }
            accounts.forEach(attacker::put);
            attacker.put(last);
        }

        Overlaps attackerScope() {
            return client.as(ACME).overlaps();
        }

        /** Syncs the attacker's changes and reads its matrix with globex. */
        PopulationMatrix matrix() {
            attackerScope().syncChanges();
            return attackerScope().matrix(GLOBEX);
        }
    }
}
