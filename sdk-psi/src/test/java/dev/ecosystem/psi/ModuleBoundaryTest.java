package dev.ecosystem.psi;

import dev.ecosystem.testkit.ModuleBoundary;
import org.junit.jupiter.api.Test;

class ModuleBoundaryTest {

    @Test
    void exportsExactlyItsApiPackages() {
        ModuleBoundary.assertApiExported(PsiSession.class);
    }
}
