package dev.ecosystem.benchmarks.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class PsiDatasetTest {
    @Test
    void generate_givesDistinctDomainsPerSide_andExactlyTwentyPercentOverlap() {
        PsiDataset data = PsiDataset.generate(10_000, 42);

        assertThat(new HashSet<>(data.initiator())).hasSize(10_000);
        assertThat(new HashSet<>(data.responder())).hasSize(10_000);
        assertThat(data.plainIntersection()).hasSize(2_000);
        assertThat(data.initiator()).allMatch(d -> d.matches("[a-z0-9-]+(\\.[a-z]+)+"));
    }

    @Test
    void generate_isDeterministicPerSeed_andShuffledBySeed() {
        assertThat(PsiDataset.generate(1_000, 7)).isEqualTo(PsiDataset.generate(1_000, 7));
        assertThat(PsiDataset.generate(1_000, 7).initiator()).isNotEqualTo(PsiDataset.generate(1_000, 8).initiator());
        assertThat(PsiDataset.generate(1_000, 8).plainIntersection())
                .isEqualTo(PsiDataset.generate(1_000, 7).plainIntersection());
    }

    @Test
    void generate_rejectsTinySizes() {
        assertThatThrownBy(() -> PsiDataset.generate(4, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be at least 5, but was 4");
    }
}
