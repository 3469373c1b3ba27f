package dev.ecosystem.benchmarks.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PsiMeasurementTest {
    private final PsiDataset data = PsiDataset.generate(100, 5);
    private final Set<String> oracle = data.plainIntersection();

    @Test
    void ofPsiJs_mapsClientToInitiator_serverToResponder_andIndexesToTheInitiatorsElements() {
        List<Integer> indexes = IntStream.range(0, 100).filter(i -> oracle.contains(data.initiator().get(i)))
                .boxed().toList();
        PsiJsReport.Run run = new PsiJsReport.Run("intersection", new PsiJsReport.Party(2_000, 2_500.0),
                new PsiJsReport.Party(3_000, 3_100.0), new PsiJsReport.Bytes(500, 3_500, 3_300),
                new PsiJsReport.Result(indexes.size(), indexes.size(), indexes));

        PsiMeasurement m = PsiMeasurement.ofPsiJs(run, data).verify(oracle);

        assertThat(m.mode()).isEqualTo("INTERSECTION");
        assertThat(m.initiatorCpuMicrosPerElement()).isEqualTo(30.0);
        assertThat(m.responderCpuMicrosPerElement()).isEqualTo(20.0);
        assertThat(m.initiatorBytesSent()).isEqualTo(3_500);
        assertThat(m.responderBytesSent()).isEqualTo(3_800);
        assertThat(m.bytesPerElement()).isEqualTo(73.0);
        assertThat(m.matched()).isEqualTo(oracle);
    }

    @Test
    void verify_rejectsAWrongSize() {
        PsiMeasurement m = new PsiMeasurement("ours", "CARDINALITY", 100, 1, 1, 1, 1, oracle.size() + 1, null);

        assertThatThrownBy(() -> m.verify(oracle)).isInstanceOf(IllegalStateException.class)
                .hasMessage("ours CARDINALITY at 100: size 21 but the plain intersection has 20");
    }

    @Test
    void verify_rejectsWrongElementsOfTheRightSize_andMissingElements() {
        Set<String> wrong = data.initiator().stream().filter(d -> !oracle.contains(d)).limit(oracle.size())
                .collect(Collectors.toSet());
        PsiMeasurement swapped = new PsiMeasurement("ours", "INTERSECTION", 100, 1, 1, 1, 1, oracle.size(), wrong);
        PsiMeasurement missing = new PsiMeasurement("ours", "INTERSECTION", 100, 1, 1, 1, 1, oracle.size(), null);

        assertThatThrownBy(() -> swapped.verify(oracle)).hasMessageContaining("differ from the plain intersection");
        assertThatThrownBy(() -> missing.verify(oracle)).hasMessageContaining("no matched elements");
    }
}
