package dev.ecosystem.benchmarks.psi;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One protocol run of either implementation, in common terms. The initiator is the party that learns the result
 * (psi.js's client); the responder learns nothing (psi.js's server).
 *
 * @param implementation {@code ours} or {@code psi.js}
 * @param mode {@code CARDINALITY} or {@code INTERSECTION}
 * @param elements elements per side
 * @param initiatorCpuNanos the initiator's CPU over its own steps
 * @param responderCpuNanos the responder's CPU over its own steps
 * @param initiatorBytesSent the bytes of every message the initiator sent
 * @param responderBytesSent the bytes of every message the responder sent
 * @param size the intersection size the initiator learned
 * @param matched in intersection mode, the initiator's elements it learned are shared; otherwise null
 */
public record PsiMeasurement(String implementation, String mode, int elements, long initiatorCpuNanos,
        long responderCpuNanos, long initiatorBytesSent, long responderBytesSent, long size,
        @Nullable Set<String> matched) {
    /** CPU microseconds per element on the initiator's side. */
    public double initiatorCpuMicrosPerElement() {
        return initiatorCpuNanos / 1_000.0 / elements;
    }

    /** CPU microseconds per element on the responder's side. */
    public double responderCpuMicrosPerElement() {
        return responderCpuNanos / 1_000.0 / elements;
    }

    /** All bytes on the wire, both directions, per element of one side. */
    public double bytesPerElement() {
        return (double) (initiatorBytesSent + responderBytesSent) / elements;
    }

    /**
     * Reads a psi.js run on {@code data}, whose initiator was psi.js's client and responder its server.
     *
     * @param run one run from {@link PsiJsReport#runs()}
     */
    public static PsiMeasurement ofPsiJs(PsiJsReport.Run run, PsiDataset data) {
        List<Integer> indexes = run.result().indexes();
        Set<String> matched = indexes == null ? null
                : indexes.stream().map(data.initiator()::get).collect(Collectors.toUnmodifiableSet());
        return new PsiMeasurement("psi.js", run.mode().toUpperCase(java.util.Locale.ROOT), data.size(),
                run.client().cpuMicros() * 1_000, run.server().cpuMicros() * 1_000, run.bytes().request(),
                run.bytes().setup() + run.bytes().response(), run.result().size(), matched);
    }

    /**
     * Checks the result against the oracle, the plain intersection of the two sets.
     *
     * @throws IllegalStateException naming what differs
     */
    public PsiMeasurement verify(Set<String> plainIntersection) {
        if (size != plainIntersection.size()) {
            throw new IllegalStateException(implementation + " " + mode + " at " + elements + ": size " + size
                    + " but the plain intersection has " + plainIntersection.size());
        }
        if (mode.equals("INTERSECTION")) {
            if (matched == null) {
                throw new IllegalStateException(implementation + " INTERSECTION at " + elements
                        + ": no matched elements reported");
            }
            if (!matched.equals(plainIntersection)) {
                throw new IllegalStateException(implementation + " INTERSECTION at " + elements + ": "
                        + matched.size() + " matched elements differ from the plain intersection of "
                        + plainIntersection.size());
            }
        }
        return this;
    }
}
