package dev.ecosystem.jdbc;

import dev.ecosystem.testkit.ModuleBoundary;
import org.junit.jupiter.api.Test;

class ModuleBoundaryTest {

    @Test
    void exportsExactlyItsApiPackages() {
        ModuleBoundary.assertApiExported(JdbcPartnerStore.class);
    }
}
