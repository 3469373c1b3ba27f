package dev.ecosystem.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.Population;
import dev.ecosystem.overlap.PopulationMatrix;
import dev.ecosystem.psi.PsiSets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateOverlapExampleTest {
    @Test
    @DisplayName("two parties exchanging files compute exactly the plain domain-key matrix, each from its side")
    void filesExchange_givesThePlainDomainMatrix(@TempDir Path exchange) throws Exception {
        PrivateOverlapExample.Outcome outcome = PrivateOverlapExample.run(exchange);

        PsiSets a = PrivateOverlapExample.keysOf(PrivateOverlapExample.MAILCADENCE, "co-0001");
        PsiSets b = PrivateOverlapExample.keysOf(PrivateOverlapExample.LEDGERLINE, "co-0002");
        long total = 0;
        for (Population mine : a.populations()) {
            for (Population theirs : b.populations()) {
                Set<String> cell = new HashSet<>(a.keys(mine));
                cell.retainAll(b.keys(theirs));
                total += cell.size();
                assertThat(outcome.mailcadenceView().cell(mine, theirs).count()).as("%s x %s", mine, theirs)
                        .isEqualTo((long) cell.size());
                assertThat(outcome.ledgerlineView().cell(theirs, mine).count()).as("%s x %s", theirs, mine)
                        .isEqualTo((long) cell.size());
            }
        }
        assertThat(total).as("the sample tenants share hundreds of domains").isGreaterThan(500);
        assertThat(outcome.mailcadenceView().mine()).contains(Population.CUSTOMERS);
        try (var files = Files.list(exchange)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("0.psi", "1.psi", "2.psi");
        }
        PopulationMatrix view = outcome.mailcadenceView();
        assertThat(view.render()).contains("customers");
    }
}
