package dev.ecosystem.benchmarks.psi;

import dev.ecosystem.model.Population;
import dev.ecosystem.psi.PsiMode;
import dev.ecosystem.psi.PsiOptions;
import dev.ecosystem.psi.PsiOutput;
import dev.ecosystem.psi.PsiSession;
import dev.ecosystem.psi.PsiSets;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs both parties of {@code sdk-psi} on the calling thread, each with {@code threads(1)}, and charges each
 * party's calls (session creation, first message, every receive) to that party's CPU account via
 * {@link ThreadMXBean#getCurrentThreadCpuTime()}. Only the initiator learns ({@link PsiOutput#INITIATOR}), as
 * psi.js's client does; the initiator plays psi.js's client and the responder its server.
 */
public final class SdkPsiRunner {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SdkPsiRunner() {}

    /** One run of the protocol on {@code data} in {@code mode}. */
    public static PsiMeasurement run(PsiDataset data, PsiMode mode) {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        PsiOptions options = PsiOptions.builder().mode(mode).output(PsiOutput.INITIATOR).threads(1).build();
        long[] initiatorCpu = {0};
        long[] responderCpu = {0};
        PsiSession initiator = timed(initiatorCpu,
                () -> PsiSession.initiator(options, PsiSets.single(data.initiator())));
        PsiSession responder = timed(responderCpu,
                () -> PsiSession.responder(options, PsiSets.single(data.responder())));
        Optional<byte[]> toResponder = Optional.of(timed(initiatorCpu, initiator::firstMessage));
        int rounds = 0;
        while (toResponder.isPresent()) {
            byte[] message = toResponder.get();
            Optional<byte[]> toInitiator = timed(responderCpu, () -> responder.receive(message));
            if (toInitiator.isEmpty()) {
                break;
            }
            byte[] reply = toInitiator.get();
            toResponder = timed(initiatorCpu, () -> initiator.receive(reply));
            if (++rounds > 10) {
                throw new IllegalStateException("sdk-psi did not finish in 10 rounds");
            }
        }
        if (!initiator.isDone() || !responder.isDone()) {
            throw new IllegalStateException("sdk-psi stopped before both sides were done: initiator "
                    + initiator.isDone() + ", responder " + responder.isDone());
        }
        long size = initiator.result().count(Population.CUSTOMERS, Population.CUSTOMERS);
        return new PsiMeasurement("ours", mode.name(), data.size(), initiatorCpu[0], responderCpu[0],
                initiator.bytesSent(), responder.bytesSent(), size,
                mode == PsiMode.INTERSECTION ? initiator.result().matched(Population.CUSTOMERS, Population.CUSTOMERS)
                        : null);
    }

    private static <T> T timed(long[] account, Supplier<T> step) {
        long start = THREADS.getCurrentThreadCpuTime();
        try {
            return step.get();
        } finally {
            account[0] += THREADS.getCurrentThreadCpuTime() - start;
        }
    }
}
