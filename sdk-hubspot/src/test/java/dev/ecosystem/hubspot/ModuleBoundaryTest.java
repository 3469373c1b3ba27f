package dev.ecosystem.hubspot;

import dev.ecosystem.testkit.ModuleBoundary;
import org.junit.jupiter.api.Test;

class ModuleBoundaryTest {

    @Test
    void exportsExactlyItsApiPackages() {
        ModuleBoundary.assertApiExported(HubSpotCrm.class);
    }
}
