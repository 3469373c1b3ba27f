package dev.ecosystem.benchmarks.psi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.psi.PsiMode;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SdkPsiRunnerTest {
    private final PsiDataset data = PsiDataset.generate(500, 11);
    private final Set<String> oracle = data.plainIntersection();

    @Test
    void cardinality_givesThePlainIntersectionSize_andChargesBothSides() {
        PsiMeasurement m = SdkPsiRunner.run(data, PsiMode.CARDINALITY).verify(oracle);

        assertThat(m.size()).isEqualTo(100);
        assertThat(m.matched()).isNull();
        assertThat(m.initiatorCpuNanos()).isPositive();
        assertThat(m.responderCpuNanos()).isPositive();
        // each side sends at least one 32-byte point per element of its own set
        assertThat(m.initiatorBytesSent()).isGreaterThanOrEqualTo(32L * 500);
        assertThat(m.responderBytesSent()).isGreaterThanOrEqualTo(32L * 500);
    }

    @Test
    void intersection_givesThePlainIntersection() {
        PsiMeasurement m = SdkPsiRunner.run(data, PsiMode.INTERSECTION);

        assertThat(m.matched()).isEqualTo(oracle);
        assertThat(m.verify(oracle)).isSameAs(m);
    }
}
