package dev.ecosystem.benchmarks.psi;

import dev.ecosystem.psi.PsiMode;
import dev.ecosystem.psi.PsiOptions;
import dev.ecosystem.psi.PsiOutput;
import dev.ecosystem.psi.PsiSession;
import dev.ecosystem.psi.PsiSets;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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

/**
 * A whole PSI session, both sides run one after the other from the benchmark thread, each spreading its blinding
 * over {@code threads} threads; sets of {@code size} keys each with half of them shared, CARDINALITY mode. After each
 * iteration it prints {@code cpu us/element/side}: the CPU time of the session's threads (the benchmark thread's
 * with {@code threads = 1}, the whole process's otherwise) divided by {@code 2 * size}, since each side handles its
 * own {@code size} keys and the other's {@code size} points; and {@code wire bytes/element}, every message's bytes
 * divided by {@code 2 * size}. Single shot: one session per measurement; the score is its wall time.
 *
 * <pre>java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar PsiSessionBenchmark -p size=10000,100000</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class PsiSessionBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Keys per side. */
    @Param({"10000", "100000"})
    public int size;

    /** Output: who learns. */
    @Param("BOTH")
    public PsiOutput output;

    /** Threads per side ({@link PsiOptions#threads()}); 2 for the two-core case. */
    @Param("1")
    public int threads;

    private PsiSets a;
    private PsiSets b;

    /** Two sets of {@code size} random domain-like keys, half of them shared (seed 42). */
    @Setup
    public void setUp() {
        Random random = new Random(42);
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String key = "k" + Long.toHexString(random.nextLong()) + ".com";
            left.add(key);
            right.add(i % 2 == 0 ? key : "r" + Long.toHexString(random.nextLong()) + ".com");
        }
        a = PsiSets.single(left);
        b = PsiSets.single(right);
    }

    /** One full session: OFFER, REPLY and (both learning) FINISH, with every check and the matching. */
    @Benchmark
    public long session() {
        PsiOptions options = PsiOptions.builder().mode(PsiMode.CARDINALITY).output(output).threads(threads).build();
        long start = cpuNanos();
        PsiSession initiator = PsiSession.initiator(options, a);
        PsiSession responder = PsiSession.responder(options, b);
        Optional<byte[]> reply = responder.receive(initiator.firstMessage());
        initiator.receive(reply.orElseThrow()).ifPresent(responder::receive);
        double cpu = (cpuNanos() - start) / 1000.0 / (2.0 * size);
        double wire = (initiator.bytesSent() + responder.bytesSent()) / (2.0 * size);
        System.out.printf("%n[psi session size=%d output=%s threads=%d] cpu us/element/side = %.1f, "
                + "wire bytes/element = %.1f%n", size, output, threads, cpu, wire);
        return initiator.bytesReceived();
    }

    private long cpuNanos() {
        if (threads == 1) {
            return THREADS.getCurrentThreadCpuTime();
        }
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
