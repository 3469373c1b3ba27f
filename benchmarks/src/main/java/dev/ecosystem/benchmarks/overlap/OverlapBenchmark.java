package dev.ecosystem.benchmarks.overlap;

import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.overlap.internal.DomainJoin;
import dev.ecosystem.overlap.internal.DomainRules;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Set;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Account mapping end to end on one core: normalize both sides' raw domains to registrable domains, join them, and
 * build the population matrix. {@code engine} is the SDK's {@link DomainJoin}; {@code guavaBaseline} is Guava's
 * {@code InternetDomainName.topDomainUnderRegistrySuffix()} with a {@code HashMap<String, ...>} join. Both give the
 * same matrix (checked by {@code OverlapBaselineTest}, and on the full data by the setup of every run). Time per operation covers {@code 2 * size} records. The
 * secondary result {@code cpuNsPerRecord} is the benchmark thread's CPU time per record (from
 * {@link ThreadMXBean}): the time on one core, which wall-clock time on a shared, overloaded machine is not. Its
 * mean over every measured operation is printed at the end of the run.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar OverlapBenchmark -f 1 -wi 2 -i 3 -w 3s -r 3s -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class OverlapBenchmark {
    /** Accounts per side. */
    @Param("1000000")
    public int size;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AccountLists lists;
    private DomainJoin engine;
    private GuavaOverlapBaseline baseline;
    private boolean measuring;
    private long measuredCpuNs;
    private long measuredRecords;

    /** Generates the data (seed 42) and checks that the engine and the baseline give the same matrix on it. */
    @Setup
    public void setUp() {
        lists = AccountLists.generate(size, 42);
        Set<String> generic = OverlapSettings.DEFAULT_GENERIC_DOMAINS;
        engine = new DomainJoin(DomainRules.of(false, generic));
        baseline = new GuavaOverlapBaseline(generic);
        long[][] ours = engine.matrix(lists.domainsA(), lists.populationsA(), lists.domainsB(), lists.populationsB(),
                AccountLists.POPULATIONS);
        long[][] theirs = baseline.matrix(lists.domainsA(), lists.populationsA(), lists.domainsB(),
                lists.populationsB(), AccountLists.POPULATIONS);
        if (!Arrays.deepEquals(ours, theirs)) {
            throw new IllegalStateException("the engine and the baseline disagree: " + Arrays.deepToString(ours)
                    + " vs " + Arrays.deepToString(theirs));
        }
    }

    /** Counts CPU time only in measurement iterations, for {@link #report}. */
    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    /**
     * Prints the mean CPU time per record over every measured operation (JMH's Score column for the
     * {@code cpuNsPerRecord} counter adds up the iterations), and what the engine's join keeps in memory.
     */
    @TearDown
    public void report(BenchmarkParams benchmark) {
        System.out.printf("%n%s: %.1f ns of CPU per record over %,d measured operations%n", benchmark.getBenchmark(),
                measuredCpuNs / (double) measuredRecords, measuredRecords / (2L * size));
        System.out.printf("engine join retains %,d bytes for %,d + %,d records%n", engine.retainedBytes(), size, size);
    }

    private double perRecord(long cpuNs) {
        if (measuring) {
            measuredCpuNs += cpuNs;
            measuredRecords += 2L * size;
        }
        return cpuNs / (2.0 * size);
    }

    /** The SDK's engine. */
    @Benchmark
    public long[][] engine(CpuTime cpu) {
        long start = THREADS.getCurrentThreadCpuTime();
        long[][] matrix = engine.matrix(lists.domainsA(), lists.populationsA(), lists.domainsB(),
                lists.populationsB(), AccountLists.POPULATIONS);
        cpu.cpuNsPerRecord = perRecord(THREADS.getCurrentThreadCpuTime() - start);
        return matrix;
    }

    /** Guava plus hash maps of strings. */
    @Benchmark
    public long[][] guavaBaseline(CpuTime cpu) {
        long start = THREADS.getCurrentThreadCpuTime();
        long[][] matrix = baseline.matrix(lists.domainsA(), lists.populationsA(), lists.domainsB(),
                lists.populationsB(), AccountLists.POPULATIONS);
        cpu.cpuNsPerRecord = perRecord(THREADS.getCurrentThreadCpuTime() - start);
        return matrix;
    }

    /** CPU time of the last operation, per record. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        /** Benchmark-thread CPU nanoseconds per record in the last operation. */
        public double cpuNsPerRecord;
    }
}
