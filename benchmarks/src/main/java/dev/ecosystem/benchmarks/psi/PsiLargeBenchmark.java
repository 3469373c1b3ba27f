package dev.ecosystem.benchmarks.psi;

import dev.ecosystem.psi.PsiMode;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code sdk-psi} alone at one million domains per side (psi.js would take hours there: compare with its 100k
 * figures from {@link PsiBenchmark}, per element). Same data, counters and oracle check as {@link PsiBenchmark}.
 *
 * <pre>java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar PsiLargeBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Timeout(time = 3, timeUnit = TimeUnit.HOURS)
public class PsiLargeBenchmark {
    /** Elements per side. */
    @Param("1000000")
    public int size;

    /** {@code CARDINALITY} or {@code INTERSECTION}. */
    @Param({"CARDINALITY", "INTERSECTION"})
    public String mode;

    private PsiDataset data;
    private Set<String> oracle;
    private @Nullable PsiMeasurement last;

    /** Generates the sets and the oracle. */
    @Setup(Level.Trial)
    public void setUp() {
        data = PsiDataset.generate(size, 42);
        oracle = data.plainIntersection();
    }

    /** Checks the last run against the plain intersection and prints its figures. */
    @TearDown(Level.Trial)
    public void verifyAndReport() {
        if (last != null) {
            last.verify(oracle);
            System.out.println();
            System.out.println(PsiBenchmark.summary(last) + " (checked against the plain intersection of "
                    + oracle.size() + ")");
        }
    }

    /** Both parties of sdk-psi. */
    @Benchmark
    public long ours(PsiBenchmark.Costs costs) {
        last = SdkPsiRunner.run(data, PsiMode.valueOf(mode));
        costs.set(last);
        return last.size();
    }
}
