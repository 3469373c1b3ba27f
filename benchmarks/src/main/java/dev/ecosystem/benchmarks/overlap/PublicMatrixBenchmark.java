package dev.ecosystem.benchmarks.overlap;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.overlap.PopulationMatrix;
import dev.ecosystem.overlap.internal.DomainJoin;
import dev.ecosystem.overlap.internal.DomainRules;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The population matrix of two companies with {@code size} CRM accounts each, through the public API, beside the
 * engine-only join of the same accounts' raw domains in the same run.
 *
 * <ul>
 *   <li>{@code publicFirstMatrix} (public API): {@code client.as(acme).overlaps().matrix(globex)} on a new
 *       {@link EcosystemClient} over an in-memory store both tenants were synced into from {@code InMemoryCrm}
 *       connectors ({@link PublicOverlapData}: active two-sided partnership, sharing policies), so the call reads
 *       both snapshots from the store, builds both tenants' account-mapping indexes (domains, names, populations),
 *       joins them (by registrable domain, then by name for accounts without a usable one) and counts. The sync
 *       stored each account's match keys beside it (registrable domain and its hash, normalized name), so the new
 *       client builds its indexes from those keys, as a second app node over the same store would, instead of
 *       normalizing every domain and name; nothing of the syncing client's memory is used.</li>
 *   <li>{@code publicWarmMatrix} (public API): the same call again on a client that has answered it before and
 *       nothing changed: revision and policy checks against the store, then the cached counts.</li>
 *   <li>{@code engineDomainJoin} (engine only, the peer): {@link DomainJoin} on the same accounts' raw domains and
 *       population bits, as {@code OverlapBenchmark} measures it (no store, no names, no deals).</li>
 * </ul>
 * {@code engineDomainJoin} normalizes the raw domains it is given; {@code publicFirstMatrix} does not need to, the
 * sync did (outside its store transactions, counted in {@code CrmSyncBenchmark}), but it reads the store, links
 * deals, classifies populations and joins names, which the engine does not.
 * {@code publicFirstMatrix} and {@code engineDomainJoin} are single-shot times (one cold-index matrix, one join per
 * operation); the ratio {@code publicFirstMatrix / engineDomainJoin} is the figure issue 18 asks for. The secondary
 * result {@code cpuNsPerRecord} of each is its CPU time per record ({@link CpuTime}): the engine's on its thread,
 * the public call's on every Java thread (it builds the two tenants' indexes, and joins them, on two threads at once:
 * the calling thread and a common fork-join pool worker, which lives on between calls, so its time is counted).
 *
 * <pre>./mvnw -o -q -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar PublicMatrixBenchmark -f 1 -wi 3 -i 10 -gc true</pre>
 *
 * <p>{@code -gc true} collects the heap between iterations (each one is a single operation here), so that an
 * operation does not pay for the previous iteration's discarded client: without it, G1's concurrent cycles over that
 * garbage take the second core away from the public path's pool task in some iterations, which then run on one
 * thread and take about twice as long. The engine's iterations get the same collection.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class PublicMatrixBenchmark {
    /** Accounts per side. */
    @Param("1000000")
    public int size;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PublicOverlapData data;
    private DomainJoin engine;
    private EcosystemClient cold;
    private EcosystemClient warm;

    /** Generates and syncs the data; warms one client. */
    @Setup
    public void setUp() {
        data = PublicOverlapData.generate(size);
        engine = new DomainJoin(DomainRules.of(false, OverlapSettings.DEFAULT_GENERIC_DOMAINS));
        warm = data.client();
        warm.as(PublicOverlapData.ACME).overlaps().matrix(PublicOverlapData.GLOBEX);
    }

    /** A new client for each cold call, so that its indexes are built by the call. */
    @Setup(Level.Invocation)
    public void newClient() {
        cold = data.client();
    }

    /** Closes the cold call's client. */
    @TearDown(Level.Invocation)
    public void closeClient() {
        cold.close();
    }

    /** Closes the warm client. */
    @TearDown
    public void tearDown() {
        warm.close();
    }

    /** Public API, first call on a new client. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public PopulationMatrix publicFirstMatrix(CpuTime cpu) {
        long start = javaThreadsCpuTime();
        PopulationMatrix matrix = cold.as(PublicOverlapData.ACME).overlaps().matrix(PublicOverlapData.GLOBEX);
        cpu.cpuNsPerRecord = (javaThreadsCpuTime() - start) / (2.0 * size);
        return matrix;
    }

    /**
     * CPU time of every live Java thread: the first matrix builds the two tenants' indexes and joins them on two
     * threads at once, the calling thread and one of the common fork-join pool, so the calling thread's time alone
     * would leave half of the work out. (JMH's own threads are idle during a single shot.)
     */
    private static long javaThreadsCpuTime() {
        long total = 0;
        for (long id : THREADS.getAllThreadIds()) {
            total += Math.max(0, THREADS.getThreadCpuTime(id));
        }
        return total;
    }

    /** Public API, the same call again with nothing changed. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public PopulationMatrix publicWarmMatrix() {
        return warm.as(PublicOverlapData.ACME).overlaps().matrix(PublicOverlapData.GLOBEX);
    }

    /** Engine only: the domain join of the same accounts' raw domains. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long[][] engineDomainJoin(CpuTime cpu) {
        long start = THREADS.getCurrentThreadCpuTime();
        AccountLists lists = data.lists;
        long[][] matrix = engine.matrix(lists.domainsA(), lists.populationsA(), lists.domainsB(), lists.populationsB(),
                AccountLists.POPULATIONS);
        cpu.cpuNsPerRecord = (THREADS.getCurrentThreadCpuTime() - start) / (2.0 * size);
        return matrix;
    }

    /**
     * CPU time of the last operation per record (both sides' accounts), from {@link ThreadMXBean}: the time on the
     * cores, which wall-clock time on a shared, overloaded machine is not. The engine's join runs on the benchmark
     * thread alone; the public first matrix counts every Java thread, as it builds and joins on two. JMH sums
     * an {@link AuxCounters.Type#EVENTS} counter over the measured iterations, so the printed
     * {@code cpuNsPerRecord} is the per-operation figure times the iteration count ({@code -i}).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        /** Benchmark-thread CPU nanoseconds per record in the last operation. */
        public double cpuNsPerRecord;
    }
}
