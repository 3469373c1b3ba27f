package dev.ecosystem.benchmarks.psi;

import dev.ecosystem.psi.PsiMode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prints the side-by-side table of {@code sdk-psi} against psi.js 2.0.6 for the closing note: per-element CPU on
 * each side, bytes per element, and the ratios psi.js / ours, in both modes, at each size (default 10k, 100k, 1M
 * per side; {@link PsiDataset}, seed 42). Every result is checked against the plain intersection. psi.js always
 * runs at sizes up to {@code --peer-always-up-to} (default 100k) and at the smallest size; above, only when its
 * estimated CPU there (its per-element CPU at the largest measured size, times the size, both sides, both modes) is
 * within {@code --peer-budget-seconds} (default 300); otherwise its figures are the ones of the largest measured
 * size, labelled "extrapolated" (per-element CPU and bytes of this protocol are flat in the size).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.ecosystem.benchmarks.psi.PsiComparison \
 *     [--sizes 10000,100000,1000000] [--peer-always-up-to 100000] [--peer-budget-seconds 300]
 * </pre>
 *
 * Run from the repository root after {@value PsiJsPeer#INSTALL_HINT}. Ours is warmed up with three runs per mode at
 * 10k first; each measured figure is one run.
 */
public final class PsiComparison {
    private static final String ROW =
            "%,10d %-12s | %8.1f %8.1f %9.1f | %8.1f %8.1f %9.1f | %6.2fx %6.2fx %6.2fx | %s";

    private PsiComparison() {}

    /** Runs the comparison; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
        double budgetSeconds = 300;
        int peerAlwaysUpTo = 100_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = parseSizes(value(args, ++i, "--sizes"));
                case "--peer-budget-seconds" ->
                        budgetSeconds = Double.parseDouble(value(args, ++i, "--peer-budget-seconds"));
                case "--peer-always-up-to" ->
                        peerAlwaysUpTo = Integer.parseInt(value(args, ++i, "--peer-always-up-to"));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; allowed: --sizes N,N,... --peer-budget-seconds S --peer-always-up-to N");
            }
        }
        PsiJsPeer peer = PsiJsPeer.locate();
        System.out.printf(Locale.ROOT, "sdk-psi vs psi.js 2.0.6 (%s), one thread per side, 20%% overlap; "
                + "load average %.2f at start%n", peer.node(), loadAverage());

        PsiDataset warmup = PsiDataset.generate(10_000, 1);
        for (int i = 0; i < 3; i++) {
            for (PsiMode mode : PsiMode.values()) {
                SdkPsiRunner.run(warmup, mode).verify(warmup.plainIntersection());
            }
        }

        List<String> lines = new ArrayList<>();
        PsiMeasurement[] peerLast = new PsiMeasurement[PsiMode.values().length];
        for (int size : sizes) {
            PsiDataset data = PsiDataset.generate(size, 42);
            Set<String> oracle = data.plainIntersection();
            PsiMeasurement[] peerNow = null;
            boolean runPeer = peerLast[0] == null || size <= peerAlwaysUpTo
                    || estimatedPeerSeconds(peerLast, size) <= budgetSeconds;
            if (runPeer) {
                peerNow = runPeer(peer, data, oracle);
                peerLast = peerNow;
            }
            for (PsiMode mode : PsiMode.values()) {
                PsiMeasurement ours = SdkPsiRunner.run(data, mode).verify(oracle);
                PsiMeasurement theirs = peerLast[mode.ordinal()];
                lines.add(row(size, mode, ours, theirs, runPeer ? "measured" : "extrapolated from "
                        + String.format(Locale.ROOT, "%,d", theirs.elements())));
                System.out.println(lines.get(lines.size() - 1));
            }
        }
        System.out.println();
        System.out.println(header());
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "load average %.2f at end; ratios are psi.js / ours (higher: ours is "
                + "cheaper); each result checked against the plain HashSet intersection%n", loadAverage());
    }

    private static PsiMeasurement[] runPeer(PsiJsPeer peer, PsiDataset data, Set<String> oracle) throws IOException {
        Path directory = Files.createTempDirectory("psi-comparison-");
        Path initiator = directory.resolve("initiator.txt");
        Path responder = directory.resolve("responder.txt");
        try {
            data.write(initiator, responder);
            PsiJsReport report = peer.run(responder, initiator, PsiJsPeer.DATA_STRUCTURE, PsiJsPeer.FPR, 1, true,
                    List.of("cardinality", "intersection"));
            PsiMeasurement[] byMode = new PsiMeasurement[PsiMode.values().length];
            for (PsiMode mode : PsiMode.values()) {
                byMode[mode.ordinal()] = PsiMeasurement
                        .ofPsiJs(report.last(mode.name().toLowerCase(Locale.ROOT)), data).verify(oracle);
            }
            return byMode;
        } finally {
            Files.deleteIfExists(initiator);
            Files.deleteIfExists(responder);
            Files.deleteIfExists(directory);
        }
    }

    private static double estimatedPeerSeconds(PsiMeasurement[] last, int size) {
        double seconds = 0;
        for (PsiMeasurement m : last) {
            seconds += (m.initiatorCpuMicrosPerElement() + m.responderCpuMicrosPerElement()) * size / 1e6;
        }
        return seconds;
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-10s %-12s | %-27s | %-27s | %-23s | %s", "per side", "mode",
                "ours: init, resp us; B/el", "psi.js: init, resp us; B/el", "ratio init/resp/bytes", "psi.js");
    }

    private static String row(int size, PsiMode mode, PsiMeasurement ours, PsiMeasurement theirs, String how) {
        return String.format(Locale.ROOT, ROW, size, mode, ours.initiatorCpuMicrosPerElement(), ours.responderCpuMicrosPerElement(),
                ours.bytesPerElement(), theirs.initiatorCpuMicrosPerElement(), theirs.responderCpuMicrosPerElement(),
                theirs.bytesPerElement(),
                theirs.initiatorCpuMicrosPerElement() / ours.initiatorCpuMicrosPerElement(),
                theirs.responderCpuMicrosPerElement() / ours.responderCpuMicrosPerElement(),
                theirs.bytesPerElement() / ours.bytesPerElement(), how);
    }

    private static List<Integer> parseSizes(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            int size = Integer.parseInt(part.strip());
            if (size < 5) {
                throw new IllegalArgumentException("--sizes: each size must be at least 5, but was " + size);
            }
            sizes.add(size);
        }
        return sizes;
    }

    private static String value(String[] args, int index, String name) {
        if (index >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[index];
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
