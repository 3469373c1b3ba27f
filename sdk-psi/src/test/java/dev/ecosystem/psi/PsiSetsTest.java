package dev.ecosystem.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Population;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PsiSetsTest {
    @Test
    @DisplayName("populations are ordered standard first, then custom by name; a key in two populations is kept once")
    void of_ordersPopulationsAndMergesKeys() {
        Population zeta = Population.custom("zeta");
        Population alpha = Population.custom("alpha");
        PsiSets sets = PsiSets.of(Map.of(zeta, List.of("a.com"), Population.PROSPECTS, List.of("b.com"),
                alpha, List.of("a.com", "a.com"), Population.CUSTOMERS, List.of("c.com", "a.com")));
        assertThat(sets.populations()).containsExactly(Population.CUSTOMERS, Population.PROSPECTS, alpha, zeta);
        assertThat(sets.size()).isEqualTo(3);
        assertThat(sets.keys(alpha)).containsExactly("a.com");
        assertThat(sets.keys(Population.CUSTOMERS)).containsExactlyInAnyOrder("a.com", "c.com");
        assertThat(sets.toString()).doesNotContain("a.com");
    }

    @Test
    @DisplayName("bad keys and population maps are refused with what was wrong")
    void badInput_isRefused() {
        assertThatThrownBy(() -> PsiSets.of(Map.of())).isInstanceOf(ValidationException.class)
                .hasMessage("keysPerPopulation must have 1 to 64 populations, but had 0");
        assertThatThrownBy(() -> PsiSets.single(Arrays.asList("a.com", null))).isInstanceOf(ValidationException.class)
                .hasMessage("keys of population customers must not contain null");
        assertThatThrownBy(() -> PsiSets.single(List.of(""))).isInstanceOf(ValidationException.class)
                .hasMessage("a key of population customers must have 1 to 1024 characters, but had 0");
        assertThatThrownBy(() -> PsiSets.single(List.of("a.com")).keys(Population.PROSPECTS))
                .isInstanceOf(ValidationException.class)
                .hasMessage("population prospects is not in this set; it has [customers]");
    }

    @Test
    @DisplayName("options validate at once; a set over maxElements after padding is refused when the session starts")
    void options_validate() {
        assertThatThrownBy(() -> PsiOptions.builder().threads(0)).isInstanceOf(ValidationException.class)
                .hasMessage("threads must be between 1 and 256, but was 0");
        assertThatThrownBy(() -> PsiOptions.builder().paddingBucket(0)).isInstanceOf(ValidationException.class)
                .hasMessage("paddingBucket must be between 1 and 1000000, but was 0");
        PsiOptions tight = PsiOptions.builder().paddingBucket(100).maxElements(150).build();
        assertThatThrownBy(() -> PsiSession.initiator(tight, PsiSets.of(Map.of(Population.CUSTOMERS, List.of("a"),
                Population.PROSPECTS, List.of("b"))))).isInstanceOf(ValidationException.class)
                .hasMessage("this side's set has 200 elements after padding to 100, above maxElements 150");
    }

    @Test
    @DisplayName("padding hides the exact size: the offer's length depends only on the bucket count")
    void padding_roundsSizesUpToTheBucket() {
        PsiOptions padded = PsiOptions.builder().paddingBucket(64).build();
        byte[] small = PsiSession.initiator(padded, PsiSets.single(List.of("a.com"))).firstMessage();
        byte[] larger = PsiSession.initiator(padded, PsiSets.single(
                java.util.stream.IntStream.range(0, 64).mapToObj(i -> i + ".com").toList())).firstMessage();
        byte[] over = PsiSession.initiator(padded, PsiSets.single(
                java.util.stream.IntStream.range(0, 65).mapToObj(i -> i + ".com").toList())).firstMessage();
        assertThat(small.length).isEqualTo(larger.length);
        assertThat(over.length).isEqualTo(small.length + 64 * 32);
    }
}
