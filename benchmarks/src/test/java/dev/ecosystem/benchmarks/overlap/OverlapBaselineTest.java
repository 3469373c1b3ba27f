package dev.ecosystem.benchmarks.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.overlap.internal.DomainJoin;
import dev.ecosystem.overlap.internal.DomainRules;
import org.junit.jupiter.api.Test;

/** The engine and the Guava baseline the benchmark compares give identical results on the benchmark's data. */
class OverlapBaselineTest {
    private static final int SIZE = 50_000;

    @Test
    void engineAndGuavaBaseline_giveTheSameMatrixAndTheSameMatchedDomains() {
        AccountLists lists = AccountLists.generate(SIZE, 42);
        DomainJoin engine = new DomainJoin(DomainRules.of(false, OverlapSettings.DEFAULT_GENERIC_DOMAINS));
        GuavaOverlapBaseline baseline = new GuavaOverlapBaseline(OverlapSettings.DEFAULT_GENERIC_DOMAINS);

        long[][] ours = engine.matrix(lists.domainsA(), lists.populationsA(), lists.domainsB(), lists.populationsB(),
                AccountLists.POPULATIONS);
        long[][] theirs = baseline.matrix(lists.domainsA(), lists.populationsA(), lists.domainsB(),
                lists.populationsB(), AccountLists.POPULATIONS);

        assertThat(ours).isDeepEqualTo(theirs);
        assertThat(engine.matchedDomains().stream().sorted().toList())
                .isEqualTo(baseline.matchedDomains().stream().sorted().toList());
        // 20% of the companies overlap; blanks, IPs and free mail (5% of each side) drop some of them
        assertThat(engine.matchedDomains().size()).isBetween(SIZE / 5 * 85 / 100, SIZE / 5);
    }

    @Test
    void generatedData_isDeterministic_andRealistic() {
        AccountLists one = AccountLists.generate(1_000, 7);
        AccountLists two = AccountLists.generate(1_000, 7);

        assertThat(one.domainsA()).isEqualTo(two.domainsA());
        assertThat(one.populationsB()).isEqualTo(two.populationsB());
        assertThat(one.domainsA()).anyMatch(d -> d != null && d.startsWith("https://"))
                .anyMatch(d -> d != null && d.contains(":8080"))
                .anyMatch(d -> d != null && d.contains(".co.uk"))
                .anyMatch(d -> d != null && d.startsWith("www."))
                .anyMatch(d -> d != null && !d.equals(d.toLowerCase(java.util.Locale.ROOT)));
    }
}
