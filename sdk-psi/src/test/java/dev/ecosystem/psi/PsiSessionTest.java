package dev.ecosystem.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Population;
import dev.ecosystem.overlap.PopulationMatrix;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PsiSessionTest {
    private static final Population CUSTOM = Population.custom("enterprise");

    static Stream<Arguments> modesOutputsSizes() {
        List<Arguments> all = new ArrayList<>();
        int[][] sizes = {{0, 0, 0}, {0, 5, 0}, {5, 0, 0}, {1, 1, 1}, {30, 40, 10}, {25, 25, 25}, {300, 200, 120}};
        for (PsiMode mode : PsiMode.values()) {
            for (PsiOutput output : PsiOutput.values()) {
                for (int[] size : sizes) {
                    all.add(Arguments.of(mode, output, size[0], size[1], size[2]));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}: |A|={2} |B|={3} overlap {4}")
    @MethodSource("modesOutputsSizes")
    @DisplayName("each learner gets exactly the plain intersection (or its size); the other side learns nothing")
    void singlePopulation_matchesPlainIntersection(PsiMode mode, PsiOutput output, int onlyA, int onlyB,
            int shared) {
        Random random = new Random(onlyA * 31L + onlyB * 7L + shared);
        Set<String> a = new HashSet<>();
        Set<String> b = new HashSet<>();
        Set<String> both = new HashSet<>();
        while (both.size() < shared) {
            both.add(domain(random));
        }
        a.addAll(both);
        b.addAll(both);
        while (a.size() < onlyA + shared) {
            a.add(domain(random));
        }
        while (b.size() < onlyB + shared) {
            b.add(domain(random));
        }
        Set<String> expected = new HashSet<>(a);
        expected.retainAll(b);
        PsiOptions options = PsiOptions.builder().mode(mode).output(output).build();

        PsiRun run = PsiRun.run(options, PsiSets.single(a), PsiSets.single(b));

        assertThat(run.initiator.isDone()).isTrue();
        assertThat(run.responder.isDone()).isTrue();
        check(run.initiator, output.initiatorLearns(), mode, expected);
        check(run.responder, output.responderLearns(), mode, expected);
    }

    private static void check(PsiSession session, boolean learns, PsiMode mode, Set<String> expected) {
        if (!learns) {
            assertThatThrownBy(session::result).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("learns nothing");
            return;
        }
        PsiResult result = session.result();
        assertThat(result.count(Population.CUSTOMERS, Population.CUSTOMERS)).isEqualTo(expected.size());
        if (mode == PsiMode.INTERSECTION) {
            assertThat(result.matched(Population.CUSTOMERS, Population.CUSTOMERS)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> result.matched(Population.CUSTOMERS, Population.CUSTOMERS))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("CARDINALITY");
        }
    }

    @Test
    @DisplayName("a multi-population matrix equals the plain per-cell intersection, with padding and two threads")
    void multiPopulation_matrixEqualsPlainComputation() {
        Random random = new Random(42);
        List<String> universe = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            universe.add(domain(random));
        }
        List<Population> populations = List.of(Population.CUSTOMERS, Population.OPEN_OPPORTUNITIES,
                Population.PROSPECTS, CUSTOM);
        Map<Population, Set<String>> a = randomSets(random, universe, populations, 0.3);
        Map<Population, Set<String>> b = randomSets(random, universe, populations.subList(0, 3), 0.4);
        for (PsiMode mode : PsiMode.values()) {
            // Four populations with keys in many combinations: up to 15 groups, above the default cap of 7.
            PsiOptions options = PsiOptions.builder().mode(mode).output(PsiOutput.BOTH).paddingBucket(64).threads(2)
                    .maxGroups(15).build();
            PsiRun run = PsiRun.run(options, PsiSets.of(a), PsiSets.of(b));
            PsiResult fromA = run.initiator.result();
            PsiResult fromB = run.responder.result();
            for (Population mine : a.keySet()) {
                for (Population theirs : b.keySet()) {
                    Set<String> cell = new HashSet<>(a.get(mine));
                    cell.retainAll(b.get(theirs));
                    assertThat(fromA.count(mine, theirs)).as("A %s x B %s", mine, theirs).isEqualTo(cell.size());
                    assertThat(fromB.count(theirs, mine)).as("B %s x A %s", theirs, mine).isEqualTo(cell.size());
                    if (mode == PsiMode.INTERSECTION) {
                        assertThat(fromA.matched(mine, theirs)).isEqualTo(cell);
                        assertThat(fromB.matched(theirs, mine)).isEqualTo(cell);
                    }
                }
            }
            PopulationMatrix matrix = fromA.matrix(CompanyId.of("globex"));
            assertThat(matrix.mine()).containsExactly(Population.CUSTOMERS, Population.OPEN_OPPORTUNITIES,
                    Population.PROSPECTS, CUSTOM);
            assertThat(matrix.theirs()).containsExactly(Population.CUSTOMERS, Population.OPEN_OPPORTUNITIES,
                    Population.PROSPECTS);
            assertThat(matrix.cell(CUSTOM, Population.PROSPECTS).count())
                    .isEqualTo(fromA.count(CUSTOM, Population.PROSPECTS));
        }
    }

    private static Map<Population, Set<String>> randomSets(Random random, List<String> universe,
            List<Population> populations, double share) {
        Map<Population, Set<String>> sets = new LinkedHashMap<>();
        for (Population population : populations) {
            Set<String> keys = new HashSet<>();
            for (String key : universe) {
                if (random.nextDouble() < share) {
                    keys.add(key);
                }
            }
            sets.put(population, keys);
        }
        return sets;
    }

    static String domain(Random random) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name + ".com";
    }
}
