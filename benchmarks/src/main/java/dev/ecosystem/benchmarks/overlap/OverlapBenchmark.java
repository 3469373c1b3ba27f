package dev.ecosystem.benchmarks.overlap;

import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.overlap.internal.DomainJoin;
import dev.ecosystem.overlap.internal.DomainRules;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Account mapping end to end on one core: normalize both sides' raw domains to registrable domains, join them, and
 * build the population matrix. {@code engine} is the SDK's {@link DomainJoin}; {@code guavaBaseline} is Guava's
 * {@code InternetDomainName.topDomainUnderRegistrySuffix()} with a {@code HashMap<String, ...>} join. Both give the
 * same matrix (checked by {@code OverlapBaselineTest}). Time per operation covers {@code 2 * size} records.
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

    private AccountLists lists;
    private DomainJoin engine;
    private GuavaOverlapBaseline baseline;

    /** Generates the data (seed 42) and warms nothing: JMH does. */
    @Setup
    public void setUp() {
        lists = AccountLists.generate(size, 42);
        Set<String> generic = OverlapSettings.DEFAULT_GENERIC_DOMAINS;
        engine = new DomainJoin(DomainRules.of(false, generic));
        baseline = new GuavaOverlapBaseline(generic);
    }

    /** The SDK's engine. */
    @Benchmark
    public long[][] engine() {
        return engine.matrix(lists.domainsA(), lists.populationsA(), lists.domainsB(), lists.populationsB(),
                AccountLists.POPULATIONS);
    }

    /** Guava plus hash maps of strings. */
    @Benchmark
    public long[][] guavaBaseline() {
        return baseline.matrix(lists.domainsA(), lists.populationsA(), lists.domainsB(), lists.populationsB(),
                AccountLists.POPULATIONS);
    }
}
