package dev.ecosystem.http;

import dev.ecosystem.testkit.ModuleBoundary;
import org.junit.jupiter.api.Test;

class ModuleBoundaryTest {

    @Test
    void exportsExactlyItsApiPackages() {
        ModuleBoundary.assertApiExported(HttpSettings.class);
    }
}
