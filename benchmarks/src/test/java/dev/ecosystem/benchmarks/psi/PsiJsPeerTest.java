package dev.ecosystem.benchmarks.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real psi.js harness when it is installed; skipped (with the reason) when it is not. */
class PsiJsPeerTest {
    @TempDir
    Path temp;

    @Test
    void run_givesThePlainIntersection_inBothModes() throws IOException {
        Optional<String> missing = PsiJsPeer.unavailableReason();
        assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.orElse(""));
        PsiDataset data = PsiDataset.generate(300, 3);
        Path server = temp.resolve("server.txt");
        Path client = temp.resolve("client.txt");
        data.write(client, server);

        PsiJsReport report = PsiJsPeer.locate().run(server, client, PsiJsPeer.DATA_STRUCTURE, PsiJsPeer.FPR, 1, true,
                List.of("cardinality", "intersection"));

        Set<String> oracle = data.plainIntersection();
        assertThat(report.version()).isEqualTo("2.0.6");
        assertThat(report.serverElements()).isEqualTo(300);
        assertThat(report.clientElements()).isEqualTo(300);
        assertThat(report.last("cardinality").result().size()).isEqualTo(oracle.size());
        PsiJsReport.Run intersection = report.last("intersection");
        List<Integer> indexes = intersection.result().indexes();
        assertThat(indexes).isNotNull();
        assertThat(indexes.stream().map(data.initiator()::get).collect(Collectors.toSet())).isEqualTo(oracle);
        // a P-256 point is 33 bytes compressed: request and response carry one per client element
        assertThat(intersection.bytes().request()).isGreaterThanOrEqualTo(33L * 300);
        assertThat(intersection.bytes().response()).isGreaterThanOrEqualTo(33L * 300);
        assertThat(intersection.server().cpuMicros()).isPositive();
        assertThat(intersection.client().cpuMicros()).isPositive();
    }

    @Test
    void locate_withoutNodeModules_saysHowToInstall() throws IOException {
        Path harness = Files.createDirectories(temp.resolve("psi-js"));
        Files.writeString(harness.resolve("psi-peer.mjs"), "// empty");
        String before = System.getProperty("psi.js.dir");
        System.setProperty("psi.js.dir", harness.toString());
        try {
            assertThat(PsiJsPeer.unavailableReason()).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("psi.js is not installed").contains(PsiJsPeer.INSTALL_HINT));
            assertThatThrownBy(PsiJsPeer::locate).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(PsiJsPeer.INSTALL_HINT);
        } finally {
            if (before == null) {
                System.clearProperty("psi.js.dir");
            } else {
                System.setProperty("psi.js.dir", before);
            }
        }
    }
}
