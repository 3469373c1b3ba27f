package dev.ecosystem.benchmarks.psi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs OpenMined's psi.js 2.0.6 through the Node harness {@code benchmarks/psi-js/psi-peer.mjs}: both psi.js
 * parties in one Node process and one thread, on two set files, and parses the one JSON line it prints into a
 * {@link PsiJsReport}.
 *
 * <p>Where things are looked up: the harness directory from the {@code psi.js.dir} system property, else
 * {@code benchmarks/psi-js} under the working directory or one of its parents (or {@code psi-js} when the working
 * directory is {@code benchmarks}); {@code node} from the {@code node.path} system property, the {@code PSI_JS_NODE}
 * environment variable, else the {@code PATH}. psi.js itself must be installed in the harness directory's
 * {@code node_modules} with {@code npm ci --ignore-scripts}; it is not part of the Maven build.
 */
public final class PsiJsPeer {
    /** What to run to install the peer, for messages. */
    public static final String INSTALL_HINT = "cd benchmarks/psi-js && npm ci --ignore-scripts";

    /**
     * The server setup's data structure: the Golomb-compressed set, psi.js's default and its smallest setup message
     * (5.6 bytes per server element at 10k: about 1.4 times smaller than a Bloom filter of the same rate, by theory,
     * and 6 times smaller than {@code Raw}'s 33-byte points). The client's request and the server's response carry
     * one 33-byte compressed P-256 point per client element whichever structure is used.
     */
    public static final String DATA_STRUCTURE = "GCS";

    /**
     * The false-positive rate of the whole query: expected false matches 1e-6 per run, so the result equals the
     * plain intersection (which every run checks). Not smaller: psi.js's GCS keeps
     * {@code serverSize * clientSize / fpr} in an int64, which 1e-9 overflows at 100k x 100k.
     */
    public static final double FPR = 1e-6;

    private static final String SCRIPT = "psi-peer.mjs";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path node;
    private final Path directory;

    private PsiJsPeer(Path node, Path directory) {
        this.node = node;
        this.directory = directory;
    }

    /**
     * Finds node and the installed harness.
     *
     * @throws IllegalStateException saying what is missing and how to install it
     */
    public static PsiJsPeer locate() {
        String problem = problem();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        return new PsiJsPeer(findNode().orElseThrow(), findDirectory().orElseThrow());
    }

    /** Why {@link #locate()} would fail, or empty when the peer can run. */
    public static Optional<String> unavailableReason() {
        return Optional.ofNullable(problem());
    }

    private static @org.jspecify.annotations.Nullable String problem() {
        Optional<Path> directory = findDirectory();
        if (directory.isEmpty()) {
            return "psi.js peer harness not found: no benchmarks/psi-js/" + SCRIPT + " under "
                    + Path.of("").toAbsolutePath() + " or its parents; run from the repository root or set "
                    + "-Dpsi.js.dir=/path/to/benchmarks/psi-js";
        }
        Path installed = directory.get().resolve("node_modules/@openmined/psi.js/package.json");
        if (!Files.isRegularFile(installed)) {
            return "psi.js is not installed: " + installed + " is missing; install it with `" + INSTALL_HINT
                    + "` (needs Node 18 or later and the npm registry)";
        }
        if (findNode().isEmpty()) {
            return "node not found on the PATH; install Node 18 or later, or set -Dnode.path=/path/to/node "
                    + "or PSI_JS_NODE";
        }
        return null;
    }

    private static Optional<Path> findDirectory() {
        String configured = System.getProperty("psi.js.dir");
        if (configured != null) {
            Path path = Path.of(configured).toAbsolutePath();
            return Files.isRegularFile(path.resolve(SCRIPT)) ? Optional.of(path) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("benchmarks/psi-js"), dir.resolve("psi-js"))) {
                if (Files.isRegularFile(candidate.resolve(SCRIPT))) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> findNode() {
        String configured = System.getProperty("node.path", System.getenv("PSI_JS_NODE"));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(entry, "node");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The node executable used. */
    public Path node() {
        return node;
    }

    /** The harness directory used. */
    public Path directory() {
        return directory;
    }

    /**
     * Runs psi.js on the two set files: {@code serverSet} is the server's (the side that does not learn),
     * {@code clientSet} the client's (the side that learns).
     *
     * @param dataStructure {@code GCS}, {@code BloomFilter} or {@code Raw}
     * @param fpr the false-positive rate of the whole query
     * @param repeat runs per mode (the report holds them all; the first one includes WebAssembly warm-up)
     * @param withIndexes whether the report lists the matched client positions (intersection mode)
     * @param modes {@code cardinality} and/or {@code intersection}
     * @throws IllegalStateException when the harness fails, with its exit code and error output
     */
    public PsiJsReport run(Path serverSet, Path clientSet, String dataStructure, double fpr, int repeat,
            boolean withIndexes, List<String> modes) {
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("modes must name cardinality and/or intersection, but was empty");
        }
        List<String> command = new ArrayList<>(List.of(node.toString(), SCRIPT,
                "--server", serverSet.toAbsolutePath().toString(), "--client", clientSet.toAbsolutePath().toString(),
                "--modes", String.join(",", modes), "--data-structure", dataStructure, "--fpr", Double.toString(fpr),
                "--repeat", Integer.toString(repeat)));
        if (withIndexes) {
            command.add("--indexes");
        }
        Path errors = null;
        try {
            errors = Files.createTempFile("psi-js-", ".err");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("psi.js harness exited with " + exit + ": "
                        + Files.readString(errors, StandardCharsets.UTF_8).strip() + " (command: "
                        + String.join(" ", command) + ")");
            }
            return JSON.readValue(output, PsiJsReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run the psi.js harness: " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the psi.js harness", e);
        } finally {
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
