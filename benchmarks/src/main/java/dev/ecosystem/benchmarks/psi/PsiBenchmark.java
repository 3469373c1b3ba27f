package dev.ecosystem.benchmarks.psi;

import dev.ecosystem.psi.PsiMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Private set intersection, {@code sdk-psi} against OpenMined's psi.js 2.0.6, on the same sets in the same run: two
 * sets of {@code size} registrable domains with 20% overlap ({@link PsiDataset}, seed 42), one thread per side
 * (both sides of each implementation run on one thread, each party's calls charged to its own CPU account).
 *
 * <ul>
 *   <li>{@code ours}: {@link SdkPsiRunner}, output to the initiator only.
 *   <li>{@code psiJs}: {@link PsiJsPeer}, a fresh Node process per run (its WebAssembly is loaded before the
 *       parties' clocks start; the JMH score includes Node's start, the counters do not). GCS setup, fpr 1e-6 ({@link PsiJsPeer#FPR}).
 * </ul>
 *
 * <p>The primary score is wall time per run and is noisy on a shared machine; compare the secondary results:
 * {@code initiatorCpuUs} and {@code responderCpuUs} (CPU microseconds per element on each side) and
 * {@code bytesPerElement} (both directions, per element of one side). Each result is checked against the plain
 * {@code HashSet} intersection at teardown (the benchmark fails if it differs), and a one-line summary per
 * implementation is printed there. psi.js's client is our initiator (the side that learns), its server our
 * responder.
 *
 * <pre>java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar PsiBenchmark -p size=10000,100000</pre>
 *
 * For ours alone at 1M per side see {@link PsiLargeBenchmark}. psi.js must be installed first
 * ({@value PsiJsPeer#INSTALL_HINT}) and the command run from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 1)
@Measurement(iterations = 1)
@Timeout(time = 3, timeUnit = TimeUnit.HOURS)
public class PsiBenchmark {
    /** Elements per side for {@code ours} and {@code psiJs}. */
    @Param({"10000", "100000"})
    public int size;

    /** {@code CARDINALITY} (the initiator learns the size) or {@code INTERSECTION} (it learns the elements). */
    @Param({"CARDINALITY", "INTERSECTION"})
    public String mode;

    private PsiDataset data;
    private Set<String> oracle;
    private Path initiatorFile;
    private Path responderFile;
    private final List<PsiMeasurement> results = new ArrayList<>();

    /** Generates the sets, writes them for psi.js, and computes the oracle. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        data = PsiDataset.generate(size, 42);
        oracle = data.plainIntersection();
        Path directory = Files.createTempDirectory("psi-benchmark-");
        initiatorFile = directory.resolve("initiator.txt");
        responderFile = directory.resolve("responder.txt");
        data.write(initiatorFile, responderFile);
    }

    /** Checks every run against the plain intersection and prints the figures of the last one of each. */
    @TearDown(Level.Trial)
    public void verifyAndReport() throws IOException {
        try {
            PsiMeasurement last = null;
            for (PsiMeasurement measurement : results) {
                measurement.verify(oracle);
                last = measurement;
            }
            if (last != null) {
                System.out.println();
                System.out.println(summary(last) + " (checked against the plain intersection of " + oracle.size()
                        + ")");
            }
        } finally {
            results.clear();
            Files.deleteIfExists(initiatorFile);
            Files.deleteIfExists(responderFile);
            Files.deleteIfExists(initiatorFile.getParent());
        }
    }

    /** Both parties of sdk-psi. */
    @Benchmark
    public long ours(Costs costs) {
        return record(SdkPsiRunner.run(data, PsiMode.valueOf(mode)), costs);
    }

    /** Both parties of psi.js; every run starts a fresh Node process, so there is nothing to warm up. */
    @Benchmark
    @Warmup(iterations = 0)
    public long psiJs(Costs costs) {
        PsiJsReport report = PsiJsPeer.locate().run(responderFile, initiatorFile, PsiJsPeer.DATA_STRUCTURE, PsiJsPeer.FPR, 1,
                mode.equals("INTERSECTION"), List.of(mode.toLowerCase(Locale.ROOT)));
        return record(PsiMeasurement.ofPsiJs(report.runs().get(0), data), costs);
    }

    private long record(PsiMeasurement measurement, Costs costs) {
        results.add(measurement);
        costs.set(measurement);
        return measurement.size();
    }

    static String summary(PsiMeasurement m) {
        return String.format(Locale.ROOT, "%-6s %-12s %,10d per side: initiator %8.1f us/element CPU, "
                        + "responder %8.1f us/element CPU, %6.1f bytes/element, size %,d", m.implementation(),
                m.mode(), m.elements(), m.initiatorCpuMicrosPerElement(), m.responderCpuMicrosPerElement(),
                m.bytesPerElement(), m.size());
    }

    /** Secondary results of the last run: CPU per element on each side and bytes per element. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Costs {
        /** The initiator's (psi.js: client's) CPU microseconds per element. */
        public double initiatorCpuUs;
        /** The responder's (psi.js: server's) CPU microseconds per element. */
        public double responderCpuUs;
        /** Bytes on the wire, both directions, per element of one side. */
        public double bytesPerElement;

        /** Clears the counters before each iteration, so each iteration reports its one run. */
        @Setup(Level.Iteration)
        public void clear() {
            initiatorCpuUs = 0;
            responderCpuUs = 0;
            bytesPerElement = 0;
        }

        void set(PsiMeasurement measurement) {
            initiatorCpuUs = measurement.initiatorCpuMicrosPerElement();
            responderCpuUs = measurement.responderCpuMicrosPerElement();
            bytesPerElement = measurement.bytesPerElement();
        }
    }
}
