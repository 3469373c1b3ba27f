package dev.ecosystem.benchmarks.psi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one run of the psi.js peer harness ({@code benchmarks/psi-js/psi-peer.mjs}) printed.
 *
 * @param library the npm package name
 * @param version its version
 * @param node the Node.js version
 * @param dataStructure the server setup's data structure (GCS, BloomFilter or Raw)
 * @param fpr the false-positive rate given to the server setup
 * @param serverElements the server's set size
 * @param clientElements the client's set size
 * @param runs one run per mode and repetition, in order
 */
public record PsiJsReport(String library, String version, String node, String dataStructure, double fpr,
        int serverElements, int clientElements, List<Run> runs) {
    /** Copies the list. */
    public PsiJsReport {
        runs = List.copyOf(runs);
    }

    /** The last run of {@code mode} ({@code cardinality} or {@code intersection}). */
    public Run last(String mode) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (runs.get(i).mode().equals(mode)) {
                return runs.get(i);
            }
        }
        throw new IllegalArgumentException("no run of mode " + mode + " in " + runs.size() + " runs");
    }

    /**
     * One protocol run.
     *
     * @param mode {@code cardinality} (revealIntersection false) or {@code intersection} (true)
     * @param server the server's time over its own steps
     * @param client the client's time over its own steps
     * @param bytes the size of each message
     * @param result what the client learned
     */
    public record Run(String mode, Party server, Party client, Bytes bytes, Result result) {}

    /**
     * One party's time.
     *
     * @param cpuMicros process CPU (user + system) in microseconds over the party's steps
     * @param wallMicros wall time in microseconds over the party's steps
     */
    public record Party(long cpuMicros, double wallMicros) {}

    /**
     * Message sizes in bytes ({@code serializeBinary().length}).
     *
     * @param setup server to client: the server's blinded set (as GCS, Bloom filter or raw)
     * @param request client to server: the client's blinded set
     * @param response server to client: the client's set blinded by both
     */
    public record Bytes(long setup, long request, long response) {
        /** All bytes on the wire. */
        public long total() {
            return setup + request + response;
        }
    }

    /**
     * What the client learned.
     *
     * @param size the intersection size
     * @param indexesCount in intersection mode, how many client elements matched
     * @param indexes in intersection mode with {@code --indexes}, their positions in the client's set, ascending
     */
    public record Result(long size, @Nullable Integer indexesCount, @Nullable List<Integer> indexes) {}
}
