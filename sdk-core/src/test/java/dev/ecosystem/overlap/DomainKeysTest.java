package dev.ecosystem.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.Population;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Overlaps#domainKeys()}: the keys private set intersection compares, by the matrix's own rules. */
class DomainKeysTest {
    @Test
    @DisplayName("registrable domains per population, normalized like the matrix; generic and missing domains left out")
    void domainKeys_areTheNormalizedDomainsPerPopulation() {
        OverlapFixture fixture = new OverlapFixture();
        fixture.client.as(OverlapFixture.ACME).overlaps().syncCrm();

        Map<Population, Set<String>> keys = fixture.client.as(OverlapFixture.ACME).overlaps().domainKeys();

        assertThat(keys).containsOnlyKeys(Population.CUSTOMERS, Population.OPEN_OPPORTUNITIES, Population.PROSPECTS);
        assertThat(keys.get(Population.CUSTOMERS)).containsExactlyInAnyOrder("one.co.uk", "three.io");
        assertThat(keys.get(Population.OPEN_OPPORTUNITIES)).containsExactlyInAnyOrder("two.com", "seven.com");
        assertThat(keys.get(Population.PROSPECTS)).containsExactly("six.com");
    }

    @Test
    @DisplayName("a company with no snapshot has every population, empty")
    void domainKeys_withoutSnapshot_areEmpty() {
        OverlapFixture fixture = new OverlapFixture();
        assertThat(fixture.client.as(OverlapFixture.INITECH).overlaps().domainKeys())
                .containsOnlyKeys(Population.CUSTOMERS, Population.OPEN_OPPORTUNITIES, Population.PROSPECTS)
                .allSatisfy((population, domains) -> assertThat(domains).isEmpty());
    }
}
