package dev.ecosystem.benchmarks.attribution;

import dev.ecosystem.attribution.Attribution;
import dev.ecosystem.attribution.AttributionData;
import dev.ecosystem.attribution.FxRates;
import dev.ecosystem.attribution.PartnerMetrics;
import dev.ecosystem.attribution.ReportPeriod;
import dev.ecosystem.model.AttributionModel;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Attribution over 1,000,000 deals and 5,000,000 ledger entries (1,000 partners), on one thread, with a uniform and a
 * skewed ledger ({@link AttributionDataset.Shape}): the engine ({@code sdk-attribution}: a primitive index of touches
 * sorted by deal, shares in {@code long} minor units) against the baseline {@link StreamAttribution} (the ledger
 * grouped per deal with streams, objects, maps and {@code BigDecimal}). The comparison is fair both ways: each side
 * groups the ledger once for all seven models, either inside the measured call ({@code allModelsEngineWithIndexBuild}
 * against {@code allModelsBaseline}) or before it ({@code allModelsEngine} against {@code allModelsBaselineGrouped},
 * and the two {@code metrics} methods). Setup first checks on a smaller dataset that both give the same totals for
 * every model and the same metrics, then prints the live heap of the dataset and of the engine's index.
 *
 * <p>Every figure here is engine-only: the data is already in memory as objects. What a host pays to read it through
 * the public API ({@code AttributionData.read(scope)}) is {@link AttributionReadBenchmark}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar AttributionBenchmark -f 1 -wi 1 -i 2 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@State(Scope.Benchmark)
public class AttributionBenchmark {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Duration LOOKBACK = Duration.ofDays(90);
    private static final ReportPeriod YEAR = ReportPeriod.custom(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    /** Deals in the dataset. */
    @Param("1000000")
    public int deals;

    /** Ledger entries in the dataset. */
    @Param("5000000")
    public int touchpoints;

    /** How the ledger is spread: {@code UNIFORM} or {@code SKEWED} ({@link AttributionDataset.Shape}). */
    @Param({"UNIFORM", "SKEWED"})
    public String shape;

    private AttributionDataset dataset;
    private StreamAttribution.Grouped grouped;
    private AttributionData data;
    private Attribution attribution;
    private StreamAttribution baseline;

    /** Checks that engine and baseline agree, then generates the dataset and reports its live heap. */
    @Setup
    public void setUp() {
        FxRates rates = rates();
        attribution = Attribution.builder().reportingCurrency("USD").fxRates(rates).lookback(LOOKBACK).clock(CLOCK)
                .build();
        baseline = new StreamAttribution(USD, rates, LOOKBACK.toMillis());
        checkSameResults(AttributionDataset.generate(20_000, 100_000, 1_000, 7,
                AttributionDataset.Shape.valueOf(shape)));

        long before = AttributionDataset.liveHeap();
        dataset = AttributionDataset.generate(deals, touchpoints, 1_000, 20_240_101,
                AttributionDataset.Shape.valueOf(shape));
        grouped = StreamAttribution.group(dataset.touchpoints);
        long withObjects = AttributionDataset.liveHeap();
        data = AttributionData.of(AttributionDataset.TENANT, dataset.deals, dataset.touchpoints);
        long withIndex = AttributionDataset.liveHeap();
        System.out.printf("%nDataset: %,d deals, %,d ledger entries; live heap of the objects %,d MB, "
                        + "of the engine's index %,d MB%n", deals, touchpoints, (withObjects - before) >> 20,
                (withIndex - withObjects) >> 20);
    }

    /** The engine: all seven models over the whole history, on the prebuilt index. */
    @Benchmark
    public void allModelsEngine(Blackhole bh) {
        for (AttributionModel model : AttributionModel.all()) {
            bh.consume(attribution.attribute(data, model).totalsByPartner());
        }
    }

    /** The engine including building its index from the objects (what a one-off report run pays). */
    @Benchmark
    public void allModelsEngineWithIndexBuild(Blackhole bh) {
        AttributionData fresh = AttributionData.of(AttributionDataset.TENANT, dataset.deals, dataset.touchpoints);
        for (AttributionModel model : AttributionModel.all()) {
            bh.consume(attribution.attribute(fresh, model).totalsByPartner());
        }
    }

    /** The baseline: all seven models, the straightforward way, grouping the ledger once (peer of the index build). */
    @Benchmark
    public void allModelsBaseline(Blackhole bh) {
        StreamAttribution.Grouped fresh = StreamAttribution.group(dataset.touchpoints);
        for (StreamAttribution.Model model : StreamAttribution.Model.values()) {
            bh.consume(baseline.totals(dataset.deals, fresh, model));
        }
    }

    /** The baseline on a ledger grouped before the call (peer of {@link #allModelsEngine}). */
    @Benchmark
    public void allModelsBaselineGrouped(Blackhole bh) {
        for (StreamAttribution.Model model : StreamAttribution.Model.values()) {
            bh.consume(baseline.totals(dataset.deals, grouped, model));
        }
    }

    /** The engine: metrics of every partner (1,000) for one year. */
    @Benchmark
    public List<PartnerMetrics> metricsEngine() {
        return attribution.metrics(data, YEAR);
    }

    /** The baseline: the same metrics, the straightforward way. */
    @Benchmark
    public List<StreamAttribution.Row> metricsBaseline() {
        return baseline.metrics(dataset.deals, grouped, YEAR, LocalDate.ofInstant(CLOCK.instant(),
                ZoneOffset.UTC));
    }

    private void checkSameResults(AttributionDataset small) {
        AttributionData smallData = AttributionData.of(AttributionDataset.TENANT, small.deals, small.touchpoints);
        StreamAttribution.Grouped smallGrouped = StreamAttribution.group(small.touchpoints);
        List<AttributionModel> models = AttributionModel.all();
        for (int i = 0; i < models.size(); i++) {
            Map<CompanyId, Long> engine = new TreeMap<>();
            attribution.attribute(smallData, models.get(i)).totalsByPartner()
                    .forEach((partner, money) -> engine.put(partner, minor(money)));
            Map<CompanyId, Long> streams = baseline.totals(small.deals, smallGrouped,
                    StreamAttribution.Model.values()[i]);
            if (!engine.equals(streams)) {
                throw new IllegalStateException("engine and baseline disagree on " + models.get(i));
            }
        }
        List<PartnerMetrics> engine = attribution.metrics(smallData, YEAR);
        List<StreamAttribution.Row> streams = baseline.metrics(small.deals, smallGrouped, YEAR,
                LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC));
        for (int p = 0; p < engine.size(); p++) {
            PartnerMetrics m = engine.get(p);
            StreamAttribution.Row r = streams.get(p);
            if (!m.partner().equals(r.partner()) || minor(m.sourcedPipeline()) != r.sourcedPipeline()
                    || minor(m.influencedPipeline()) != r.influencedPipeline()
                    || minor(m.sourcedRevenue()) != r.sourcedRevenue()
                    || minor(m.influencedRevenue()) != r.influencedRevenue()
                    || m.dealsCreated() != r.created() || m.dealsClosed() != r.closed() || m.dealsWon() != r.won()) {
                throw new IllegalStateException("engine and baseline metrics disagree for " + m.partner());
            }
        }
    }

    private static long minor(Money money) {
        return money.amount().movePointRight(2).longValueExact();
    }

    private static FxRates rates() {
        FxRates.TableBuilder table = FxRates.table();
        for (YearMonth month = YearMonth.of(2021, 1); month.isBefore(YearMonth.of(2027, 1));
             month = month.plusMonths(1)) {
            int i = month.getMonthValue() + 12 * (month.getYear() - 2021);
            table.rate("EUR", "USD", month.atDay(1), new BigDecimal("1.0500").add(BigDecimal.valueOf(i % 17, 3))
                    .toPlainString());
            table.rate("GBP", "USD", month.atDay(1), new BigDecimal("1.2500").add(BigDecimal.valueOf(i % 13, 3))
                    .toPlainString());
        }
        return table.build();
    }
}
